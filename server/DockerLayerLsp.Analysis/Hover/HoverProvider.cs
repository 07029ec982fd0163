using System.Collections.Immutable;
using System.Text;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Incremental;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Hover;

/// <summary>
/// The explanations users ask for: which layer an instruction is, what its cache key depends on, and
/// what a change to it invalidates; plus keyword docs, variable values and finding explanations.
/// </summary>
public static class HoverProvider
{
    private const int MaxListedFiles = 8;

    public static HoverContent? GetHover(DocumentAnalysis analysis, int offset)
    {
        var instruction = analysis.Tree.FindInstruction(offset);
        return instruction is null ? null : GetHover(new HoverDocument(analysis.Tree, analysis.BuildContext, analysis.Findings), HoverScope.FromWholeFile(analysis.Model, instruction), instruction, offset);
    }

    /// <summary>The same hover as the whole-file analysis of that version gives, from the incremental pipeline's per-stage models.</summary>
    public static HoverContent? GetHover(IncrementalAnalysis analysis, int offset)
    {
        var instruction = analysis.Tree.FindInstruction(offset);
        return instruction is null ? null : GetHover(new HoverDocument(analysis.Tree, analysis.BuildContext, analysis.Findings), analysis.HoverScopeOf(instruction), instruction, offset);
    }

    private static HoverContent? GetHover(HoverDocument analysis, HoverScope scope, InstructionSyntax instruction, int offset)
    {
        var variable = VariableAt(analysis, scope, instruction, offset);
        if (variable is not null) return variable;

        var markdown = new StringBuilder();
        foreach (var finding in analysis.Findings.Where(f => f.Span.Contains(offset) || (f.Span.Start <= offset && offset <= f.Span.End)))
        {
            // Editors already show the diagnostic's message next to this hover: say what it does not —
            // what the fix does (first, so it is seen without scrolling), then why the order costs time.
            markdown.Append("**").Append(finding.RuleId).Append(": ").Append(finding.Rule.Title).Append("**\n\n");
            foreach (var fix in finding.Fixes)
                markdown.Append("*Fix*: ").Append(fix.Title).Append(fix.Note is null ? "" : " — " + fix.Note).Append("\n\n");
            markdown.Append(finding.Rule.Documentation.WhyItMatters).Append("\n\n");
            markdown.Append("---\n\n");
        }
        // On a finding the finding is the answer, with only the cache key of the instruction (what the fix changes);
        // keyword docs and the layer's place in the stage would push it past a screen.
        var onFinding = markdown.Length > 0;

        if (!onFinding && (instruction.KeywordSpan.Contains(offset) || offset == instruction.KeywordSpan.End))
        {
            var docs = InstructionDocs.For(instruction.Kind);
            if (docs is not null) markdown.Append(docs).Append("\n\n");
        }

        var stage = scope.Stage;
        if (stage is null && instruction.Kind == InstructionKind.Arg)
            markdown.Append("Declared before the first `FROM`, it is visible only to `FROM` lines: a stage that uses it declares `ARG` with its name again, and only then do its steps depend on it.\n\n");
        var instructionModel = scope.Model.GetModel(instruction);
        if (stage is not null) AppendLayerExplanation(markdown, analysis, scope, stage, instruction, instructionModel, keyOnly: onFinding);
        if (markdown.Length == 0) return null;
        return new HoverContent(markdown.ToString().TrimEnd('-', '\n', ' '), instruction.Span);
    }

    private static void AppendLayerExplanation(StringBuilder markdown, HoverDocument analysis, HoverScope scope, Stage stage, InstructionSyntax instruction, InstructionModel? model, bool keyOnly)
    {
        if (model is null)
        {
            if (keyOnly) return;
            markdown.Append($"Starts {StageName(stage)} from `{stage.BaseImage}`.\n\n");
            AppendDependents(markdown, scope, stage, -1);
            return;
        }
        var layers = stage.Instructions.Take(model.IndexInStage + 1).Count(i => InstructionDocs.CreatesLayer(i.Kind));
        if (!keyOnly) markdown.Append(InstructionDocs.CreatesLayer(model.Kind)
            ? $"**Layer {layers}** of {StageName(stage)}, step {model.IndexInStage + 1} after `FROM`.\n\n"
            : $"Metadata step {model.IndexInStage + 1} of {StageName(stage)}: it adds no layer, but is part of every later step's cache key.\n\n");

        markdown.Append("**Cache key**: ");
        switch (model)
        {
            case CopyModel copy:
                AppendCopyKey(markdown, analysis, copy);
                break;
            case RunModel run:
                markdown.Append($"the command text `{Shorten(run.Script)}` and every earlier step of the stage");
                var binds = run.Mounts.Where(m => m.Type == "bind").ToList();
                if (binds.Count > 0) markdown.Append(", plus the bind-mounted files (").Append(string.Join(", ", binds.Select(b => "`" + (b.Source ?? ".") + "`"))).Append(')');
                if (run.Mounts.Any(m => m.Type == "cache")) markdown.Append(". Cache mounts keep downloads between builds but do not stop the step from re-running");
                markdown.Append(". It does **not** track files the command reads: it re-runs only when an earlier step changes.");
                var busting = stage.Instructions.Take(run.IndexInStage).OfType<CopyModel>().FirstOrDefault(c => c.CopiesFromContext);
                if (busting is not null)
                    markdown.Append($"\n\nIt re-runs whenever a file copied at line {busting.Syntax.StartLine + 1} (`{InstructionQuote.Of(analysis.Tree.Text.ToString(busting.Syntax.Span), analysis.Tree.EscapeChar)}`) changes.");
                break;
            default:
                markdown.Append("the instruction text and every earlier step of the stage.");
                break;
        }
        markdown.Append("\n\n");
        if (!keyOnly) AppendDependents(markdown, scope, stage, model.IndexInStage);
    }

    private static void AppendCopyKey(StringBuilder markdown, HoverDocument analysis, CopyModel copy)
    {
        if (copy.From is not null)
        {
            markdown.Append($"the copied files of `{copy.From}` (the stage or image named by `--from`) and every earlier step.");
            return;
        }
        var context = analysis.BuildContext;
        var files = new List<string>();
        foreach (var source in copy.Sources)
        {
            switch (source.Kind)
            {
                case CopySourceKind.Heredoc:
                    markdown.Append("the inline heredoc content; ");
                    continue;
                case CopySourceKind.Remote:
                    markdown.Append($"the content fetched from `{source.Path}`; ");
                    continue;
            }
            if (context is null) continue;
            var path = Rules.CacheOrder.CopyMapping.CleanContextPath(source.Path);
            files.AddRange(path.Length == 0 ? context.Files : context.Match(path));
        }
        if (context is null)
        {
            markdown.Append("the content of `").Append(string.Join("`, `", copy.Sources.Select(s => s.Raw))).Append("` in the build context (context not loaded) and every earlier step.");
            return;
        }
        if (copy.Sources.All(source => source.Kind != CopySourceKind.Context))
        {
            markdown.Append("and every earlier step.");
            return;
        }
        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        markdown.Append($"the content of **{distinct.Count} file{(distinct.Count == 1 ? "" : "s")}** of the build context");
        if (distinct.Count > 0)
        {
            markdown.Append(": ").Append(string.Join(", ", distinct.Take(MaxListedFiles).Select(f => "`" + f + "`")));
            if (distinct.Count > MaxListedFiles) markdown.Append($" and {distinct.Count - MaxListedFiles} more");
        }
        markdown.Append(" (after `.dockerignore`), their metadata, and every earlier step. Editing any of them invalidates this layer.");
    }

    private static void AppendDependents(StringBuilder markdown, HoverScope scope, Stage stage, int index)
    {
        var later = stage.Instructions.Skip(index + 1).ToList();
        var lines = later.Select(i => i.Syntax.StartLine + 1).ToList();
        markdown.Append("**A change invalidates**: ");
        markdown.Append(later.Count == 0 ? "nothing later in this stage" : later.Count == 1 ? $"the later step of this stage on line {lines[0]}" : $"the {later.Count} later steps of this stage (lines {Ranges(lines)})");
        var dependents = scope.Dependents;
        if (dependents.Length > 0) markdown.Append(", and stages built from it: ").Append(string.Join(", ", dependents));
        markdown.Append('.');
    }

    /// <summary>What the explanations read besides the model.</summary>
    private sealed record HoverDocument(SyntaxTree Tree, BuildContext.BuildContext? BuildContext, ImmutableArray<Finding> Findings);

    private static string StageName(Stage stage) => stage.Name is null ? $"stage **{stage.Index}**" : $"stage **{stage.Name}**";

    private static HoverContent? VariableAt(HoverDocument analysis, HoverScope scope, InstructionSyntax instruction, int offset)
    {
        var text = analysis.Tree.Text.ToString();
        var span = instruction.Span;
        if (offset < span.Start || offset >= span.End) return null;
        var dollar = offset;
        while (dollar > span.Start && dollar > offset - 128 && text[dollar] != '$' && (char.IsAsciiLetterOrDigit(text[dollar]) || text[dollar] is '_' or '{')) dollar--;
        if (text[dollar] != '$') return null;
        var nameStart = dollar + 1 < text.Length && text[dollar + 1] == '{' ? dollar + 2 : dollar + 1;
        var nameEnd = nameStart;
        while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '_')) nameEnd++;
        if (nameEnd == nameStart || offset > nameEnd) return null;
        var name = text[nameStart..nameEnd];
        var variables = scope.Model.GetModel(instruction)?.Variables ?? scope.Model.GlobalArgs;
        if (!variables.TryGetValue(name, out var variable))
            return new HoverContent($"`{name}`: not set by any ARG or ENV before this line (it may come from the base image or expand to an empty string).", TextSpan.FromBounds(dollar, nameEnd));
        var where = variable.DefinedBy is null ? "" : $" — set by {(variable.IsBuildArg ? "ARG" : "ENV")} on line {variable.DefinedBy.StartLine + 1}";
        var value = variable.Value is null ? "no default (set with `--build-arg`)" : $"`{variable.Value}`";
        return new HoverContent($"**{name}** = {value}{where}", TextSpan.FromBounds(dollar, nameEnd));
    }

    private static string Ranges(List<int> lines)
    {
        if (lines.Count <= 6) return string.Join(", ", lines);
        return $"{lines[0]}–{lines[^1]}";
    }

    private static string Shorten(string script)
    {
        var oneLine = string.Join(' ', script.Split(['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 80 ? oneLine.Replace('`', '\'') : oneLine[..77].Replace('`', '\'') + "...";
    }
}
