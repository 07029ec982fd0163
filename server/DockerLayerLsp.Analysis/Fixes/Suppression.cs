using System.Text.RegularExpressions;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis;

/// <summary>
/// Suppression comments in hadolint's style: <c># dockerlayer ignore=DLC001[,DLC002]</c> on the line(s)
/// directly above the instruction a finding is reported on.
/// </summary>
public static partial class Suppression
{
    [GeneratedRegex(@"^\s*#\s*dockerlayer\s+ignore\s*=\s*(?<ids>[A-Za-z0-9_,\s-]+?)\s*$")]
    private static partial Regex Pragma();

    public static bool IsSuppressed(SyntaxTree tree, Finding finding)
    {
        var instruction = tree.FindInstruction(finding.Span.Start);
        if (instruction is null) return false;
        return instruction.LeadingComments.Any(c => SuppressedIds(tree.Text.ToString(c.Span)).Contains(finding.RuleId, StringComparer.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> SuppressedIds(string comment)
    {
        var match = Pragma().Match(comment);
        return match.Success ? match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
    }

    /// <summary>The edit that inserts the suppression comment above the finding's instruction, with its indentation.</summary>
    public static TextChange CreateEdit(DocumentAnalysis analysis, Finding finding)
    {
        var tree = analysis.Tree;
        var instruction = tree.FindInstruction(finding.Span.Start);
        var start = instruction?.FullSpan.Start ?? tree.Text.GetLineStart(tree.Text.GetLinePosition(finding.Span.Start).Line);
        var text = tree.Text.ToString();
        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        return new TextChange(new TextSpan(start, 0), $"{text[start..end]}# dockerlayer ignore={finding.RuleId}{tree.Text.PreferredLineBreak}");
    }
}
