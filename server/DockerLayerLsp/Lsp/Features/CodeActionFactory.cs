using System.Collections.Immutable;
using System.Text.Json;
using DockerLayerLsp.Analysis;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Lsp.Features;

/// <summary>
/// Code actions for a range: per diagnostic its quick fixes (the first safe one preferred) and a
/// "suppress" action; for the file, <c>source.fixAll.dockerlayer</c>. When the client resolves code
/// actions, edits are left out and computed by <see cref="Resolve"/> only for the action picked.
/// </summary>
public static class CodeActionFactory
{
    public const string FixAllKind = CodeActionKind.SourceFixAll + "." + DiagnosticFactory.Source;

    public static CodeAction[] Create(DocumentSnapshot document, CodeActionParams request, PositionEncoding encoding, bool lazyEdits)
    {
        var only = request.Context.Only;
        var actions = new List<CodeAction>();
        if (Wants(only, CodeActionKind.QuickFix))
        {
            var covered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in request.Context.Diagnostics)
            {
                if (DiagnosticFactory.ReadData(diagnostic) is not { } data || data.Version != document.Version) continue;
                covered.Add(data.FindingId);
                AddQuickFixes(actions, document, diagnostic, data, encoding, lazyEdits);
            }
            // Findings under the cursor that the client did not pass back as diagnostics.
            var span = encoding.ToSpan(document.Text, request.Range);
            foreach (var finding in document.Findings)
            {
                if (covered.Contains(finding.Id) || !finding.Span.IntersectsWith(span)) continue;
                var diagnostic = DiagnosticFactory.Create(document, finding, encoding);
                AddQuickFixes(actions, document, diagnostic, DiagnosticFactory.ReadData(diagnostic)!, encoding, lazyEdits);
            }
        }
        if (only is not null ? Wants(only, FixAllKind) : HasFixes(document.Findings))
        {
            var data = new CodeActionData { Uri = document.Uri, Version = document.Version, Kind = CodeActionDataKind.FixAll };
            actions.Add(Finish(new CodeAction { Title = "Fix all DockerLayer findings (safe fixes)", Kind = FixAllKind }, document, data, encoding, lazyEdits));
        }
        return [.. actions];
    }

    private static void AddQuickFixes(List<CodeAction> actions, DocumentSnapshot document, Diagnostic diagnostic, DiagnosticData data, PositionEncoding encoding, bool lazyEdits)
    {
        var preferredIndex = Array.FindIndex(data.Fixes, fix => fix.IsSafe);
        for (var i = 0; i < data.Fixes.Length; i++)
        {
            var fix = data.Fixes[i];
            actions.Add(new CodeAction
            {
                Title = fix.Title,
                Kind = CodeActionKind.QuickFix,
                Diagnostics = [diagnostic],
                IsPreferred = i == preferredIndex ? true : null,
                // The edits travel in the diagnostic's data: nothing to re-analyse, even when resolving eagerly.
                Edit = lazyEdits ? null : ToWorkspaceEdit(document.Uri, fix.Edits),
                Data = lazyEdits ? Serialize(new CodeActionData { Uri = document.Uri, Version = data.Version, Kind = CodeActionDataKind.Fix, FindingId = data.FindingId, FixIndex = i }) : null,
            });
        }
        var suppress = new CodeActionData { Uri = document.Uri, Version = data.Version, Kind = CodeActionDataKind.Suppress, FindingId = data.FindingId };
        actions.Add(Finish(new CodeAction
        {
            Title = $"Suppress {data.RuleId} for this instruction",
            Kind = CodeActionKind.QuickFix,
            Diagnostics = [diagnostic],
        }, document, suppress, encoding, lazyEdits));
    }

    /// <summary>Fill in the edit of an action created with <c>lazyEdits</c>.</summary>
    public static CodeAction Resolve(CodeAction action, WorkspaceSnapshot snapshot, PositionEncoding encoding)
    {
        if (action.Data is not { ValueKind: JsonValueKind.Object } json
            || json.Deserialize(LspJsonContext.Default.CodeActionData) is not { } data)
        {
            throw new LspException(ErrorCodes.InvalidParams, "This code action has no dockerlayer data to resolve.");
        }
        var document = snapshot.GetDocument(data.Uri)
            ?? throw new LspException(LSPErrorCodes.ContentModified, $"{data.Uri} is no longer open.");
        if (document.Version != data.Version)
        {
            throw new LspException(LSPErrorCodes.ContentModified, $"{data.Uri} changed (version {data.Version} → {document.Version}); request code actions again.");
        }
        return action with { Edit = ToWorkspaceEdit(document.Uri, ComputeEdits(document, data, encoding)) };
    }

    private static CodeAction Finish(CodeAction action, DocumentSnapshot document, CodeActionData data, PositionEncoding encoding, bool lazyEdits)
        => lazyEdits
            ? action with { Data = Serialize(data) }
            : action with { Edit = ToWorkspaceEdit(document.Uri, ComputeEdits(document, data, encoding)) };

    private static TextEdit[] ComputeEdits(DocumentSnapshot document, CodeActionData data, PositionEncoding encoding)
    {
        var analysis = document.Analysis;
        ImmutableArray<TextChange> changes = data.Kind switch
        {
            CodeActionDataKind.FixAll => FixAll.Compute(analysis, includeUnsafe: false, document.Environment.Options),
            CodeActionDataKind.Suppress => [Suppression.CreateEdit(analysis, FindFinding(analysis, data))],
            CodeActionDataKind.Fix => FixAt(FindFinding(analysis, data), data.FixIndex),
            _ => throw new LspException(ErrorCodes.InvalidParams, $"Unknown code action kind \"{data.Kind}\"."),
        };
        return DiagnosticFactory.ToTextEdits(document.Text, changes, encoding);
    }

    private static ImmutableArray<TextChange> FixAt(Finding finding, int? index)
        => index is { } i && i >= 0 && i < finding.Fixes.Length
            ? finding.Fixes[i].Edits
            : throw new LspException(ErrorCodes.InvalidParams, $"{finding.RuleId} has no fix #{index}.");

    private static Finding FindFinding(DocumentAnalysis analysis, CodeActionData data)
        => analysis.Findings.FirstOrDefault(finding => finding.Id == data.FindingId)
           ?? throw new LspException(LSPErrorCodes.ContentModified, $"Finding {data.FindingId} no longer exists.");

    private static bool HasFixes(ImmutableArray<Finding> findings)
        => findings.Any(finding => finding.Fixes.Any(fix => fix.Safety == FixSafety.Safe));

    /// <summary>LSP kinds are hierarchical: asking for "source" includes "source.fixAll.dockerlayer".</summary>
    private static bool Wants(string[]? only, string kind)
        => only is null || only.Any(requested => requested.Length == 0 || kind == requested || kind.StartsWith(requested + ".", StringComparison.Ordinal));

    private static WorkspaceEdit ToWorkspaceEdit(string uri, TextEdit[] edits) => new() { Changes = new() { [uri] = edits } };

    private static JsonElement Serialize(CodeActionData data) => JsonSerializer.SerializeToElement(data, LspJsonContext.Default.CodeActionData);
}
