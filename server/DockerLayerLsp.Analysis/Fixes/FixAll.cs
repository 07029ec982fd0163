using System.Collections.Immutable;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Fixes;

/// <summary>
/// Applies every finding's fix to a file. Fixes of one file can touch the same lines, so like ruff this
/// applies one fix, re-analyses, and repeats until nothing fixable is left (bounded).
/// </summary>
public static class FixAll
{
    private const int MaxPasses = 20;

    public sealed record Result(string Text, int Applied, IReadOnlyList<string> Titles);

    public static Result Apply(DocumentAnalysis analysis, bool includeUnsafe, AnalyzerOptions? options = null)
    {
        var current = analysis;
        var text = analysis.Tree.Text.ToString();
        var titles = new List<string>();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var fix = current.Findings.SelectMany(f => f.Fixes).FirstOrDefault(f => includeUnsafe || f.Safety == FixSafety.Safe);
            if (fix is null) break;
            var next = TextEdits.Apply(text, fix.Edits);
            if (next == text) break;
            text = next;
            titles.Add(fix.Title);
            current = DockerfileAnalyzer.Analyze(SyntaxTree.Parse(text), analysis.BuildContext, options);
        }
        return new Result(text, titles.Count, titles);
    }

    /// <summary>The fix-all result as one edit on the original text (for <c>source.fixAll</c>).</summary>
    public static ImmutableArray<TextChange> Compute(DocumentAnalysis analysis, bool includeUnsafe, AnalyzerOptions? options = null)
    {
        var original = analysis.Tree.Text.ToString();
        var result = Apply(analysis, includeUnsafe, options);
        return result.Applied == 0 ? [] : [TextEdits.Minimal(original, new TextSpan(0, original.Length), result.Text)];
    }
}
