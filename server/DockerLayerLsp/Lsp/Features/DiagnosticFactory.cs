using System.Text.Json;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using DockerLayerLsp.Lsp.Workspace;
using DockerLayerLsp.Syntax;
using LspSeverity = DockerLayerLsp.Lsp.Protocol.DiagnosticSeverity;
using SyntaxSeverity = DockerLayerLsp.Syntax.DiagnosticSeverity;

namespace DockerLayerLsp.Lsp.Features;

/// <summary>Findings and parse errors of one document version as LSP diagnostics.</summary>
public static class DiagnosticFactory
{
    public const string Source = "dockerlayer";

    public static Diagnostic[] Create(DocumentSnapshot document, PositionEncoding encoding)
    {
        var text = document.Text;
        var diagnostics = new List<Diagnostic>();
        foreach (var parseError in document.Tree.Diagnostics)
        {
            diagnostics.Add(new Diagnostic
            {
                Range = encoding.ToRange(text, parseError.Span),
                Severity = ToLsp(parseError.Severity),
                Code = parseError.Code,
                Source = Source,
                Message = parseError.Message,
            });
        }
        foreach (var finding in document.Findings)
        {
            diagnostics.Add(Create(document, finding, encoding));
        }
        return [.. diagnostics];
    }

    public static Diagnostic Create(DocumentSnapshot document, Finding finding, PositionEncoding encoding)
    {
        var text = document.Text;
        var data = new DiagnosticData
        {
            Version = document.Version,
            FindingId = finding.Id,
            RuleId = finding.RuleId,
            Fixes = [.. finding.Fixes.Select(fix => ToFixData(text, fix, encoding))],
        };
        return new Diagnostic
        {
            Range = encoding.ToRange(text, finding.Span),
            Severity = ToLsp(finding.Severity),
            Code = finding.RuleId,
            CodeDescription = new CodeDescription { Href = finding.Rule.HelpUri },
            Source = Source,
            Message = finding.Message,
            RelatedInformation = finding.Related.IsDefaultOrEmpty
                ? null
                : [.. finding.Related.Select(related => new DiagnosticRelatedInformation
                {
                    Location = new Location { Uri = document.Uri, Range = encoding.ToRange(text, related.Span) },
                    Message = related.Message,
                })],
            Data = JsonSerializer.SerializeToElement(data, LspJsonContext.Default.DiagnosticData),
        };
    }

    public static TextEdit[] ToTextEdits(SourceText text, IEnumerable<TextChange> changes, PositionEncoding encoding)
        => [.. changes.Select(change => new TextEdit { Range = encoding.ToRange(text, change.Span), NewText = change.NewText })];

    /// <summary>Reads back what <see cref="Create(DocumentSnapshot, Finding, PositionEncoding)"/> put in <c>data</c>; null if it is not ours.</summary>
    public static DiagnosticData? ReadData(Diagnostic diagnostic)
    {
        if (diagnostic.Source != Source || diagnostic.Data is not { ValueKind: JsonValueKind.Object } data) return null;
        try
        {
            return data.Deserialize(LspJsonContext.Default.DiagnosticData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FixData ToFixData(SourceText text, CodeFix fix, PositionEncoding encoding) => new()
    {
        Title = fix.Title,
        IsSafe = fix.Safety == FixSafety.Safe,
        Edits = ToTextEdits(text, fix.Edits, encoding),
    };

    private static LspSeverity ToLsp(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => LspSeverity.Error,
        FindingSeverity.Warning => LspSeverity.Warning,
        FindingSeverity.Information => LspSeverity.Information,
        _ => LspSeverity.Hint,
    };

    private static LspSeverity ToLsp(SyntaxSeverity severity) => severity switch
    {
        SyntaxSeverity.Error => LspSeverity.Error,
        SyntaxSeverity.Warning => LspSeverity.Warning,
        SyntaxSeverity.Info => LspSeverity.Information,
        _ => LspSeverity.Hint,
    };
}
