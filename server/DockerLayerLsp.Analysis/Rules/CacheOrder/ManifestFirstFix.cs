using System.Text;
using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;
using static DockerLayerLsp.Analysis.Rules.CacheOrder.DependencyInstallAfterBroadCopyRule;

namespace DockerLayerLsp.Analysis.Rules.CacheOrder;

/// <summary>
/// DLC001's fix: add <c>COPY &lt;manifests&gt; &lt;dest&gt;</c> right before the install and move the broad
/// copies (with the comments directly above them) right after it. Every other character stays where
/// it was; the edit is one minimal replacement.
/// </summary>
internal static class ManifestFirstFix
{
    private static readonly string[] CarriedFlags = ["chown", "chmod", "link"];

    public static CodeFix? Create(RuleContext context, Stage stage, RunModel run, List<CopyModel> broad, List<(Need Need, ProvidedBy Provider)> manifests)
    {
        if (context.BuildContext is null) return null; // only copy manifests we have seen exist
        if (run.Commands.Any(c => InstallCommandMatcher.Match(c) is null && !SourceFreeCommands.IsSourceFree(c))) return null;

        var tree = context.Model.Tree;
        var text = tree.Text.ToString();
        var lineBreak = tree.Text.PreferredLineBreak;
        var unsafeReasons = UnsafeReasons(stage, run, broad);

        // Manifests that a moved copy was providing must now be copied on their own.
        var toCopy = manifests.Where(m => broad.Contains(m.Provider.Copy)).OrderBy(m => m.Need.Order).ToList();
        var indentation = Indentation(text, broad[0].Syntax);
        var flags = string.Concat(broad[0].Syntax.Flags.Where(f => CarriedFlags.Contains(f.Name)).Select(f => f.Raw + " "));
        var copyLines = new StringBuilder();
        foreach (var group in toCopy.GroupBy(m => Directory(m.Need.ContainerPath)))
        {
            var destination = group.Key == run.WorkingDirectory ? "./" : group.Key.TrimEnd('/') + "/";
            var sources = group.Select(m => m.Provider.ContextPath).Distinct().ToList();
            copyLines.Append(indentation).Append(broad[0].IsAdd ? "COPY " : broad[0].Syntax.Keyword + " ").Append(flags)
                .Append(FormatArguments(sources, destination, tree.EscapeChar)).Append(lineBreak);
        }

        var regionStart = MovableStart(broad[0].Syntax);
        var runStart = MovableStart(run.Syntax);
        var regionEnd = run.Syntax.FullSpan.Start + run.Syntax.FullSpan.Length;
        var kept = new StringBuilder();
        var moved = new StringBuilder();
        var cursor = regionStart;
        foreach (var copy in broad)
        {
            var start = MovableStart(copy.Syntax);
            kept.Append(text, cursor, start - cursor);
            var end = copy.Syntax.FullSpan.Start + copy.Syntax.FullSpan.Length;
            moved.Append(text, start, end - start);
            cursor = end;
        }
        kept.Append(text, cursor, runStart - cursor);
        var runText = text[runStart..regionEnd];
        var movedText = moved.ToString();
        if (!EndsWithLineBreak(runText))
        {
            // The install is the file's last line: the moved copy goes after it without adding a final newline.
            runText += lineBreak;
            movedText = TrimOneLineBreak(movedText);
        }
        var replacement = kept + copyLines.ToString() + runText + movedText;
        var edit = TextEdits.Minimal(text, TextSpan.FromBounds(regionStart, regionEnd), replacement);

        var names = string.Join(", ", toCopy.Select(m => m.Provider.ContextPath).Distinct());
        var title = toCopy.Count > 0 ? $"Copy {names} first, then the source" : "Move the source COPY after the dependency install";
        return unsafeReasons.Count == 0
            ? new CodeFix(title, FixSafety.Safe, [edit])
            : new CodeFix(title + " (unsafe)", FixSafety.Unsafe, [edit], string.Join(" ", unsafeReasons));
    }

    /// <summary>Why moving the copies past the instructions between them and the install could change the build.</summary>
    private static List<string> UnsafeReasons(Stage stage, RunModel run, List<CopyModel> broad)
    {
        var reasons = new List<string>();
        var between = stage.Instructions.Skip(broad[0].IndexInStage).Take(run.IndexInStage - broad[0].IndexInStage).Where(i => !broad.Contains(i));
        foreach (var instruction in between)
        {
            var line = instruction.Syntax.StartLine + 1;
            switch (instruction.Kind)
            {
                case InstructionKind.Run:
                    reasons.Add($"The RUN on line {line} would no longer see the copied source.");
                    break;
                case InstructionKind.Workdir:
                    reasons.Add($"The WORKDIR on line {line} changes where a relative COPY destination points.");
                    break;
                case InstructionKind.Env or InstructionKind.Arg when broad.Any(b => b.Syntax.ArgumentText.Contains('$')):
                    reasons.Add($"The {instruction.Syntax.Keyword.ToUpperInvariant()} on line {line} may change a variable the COPY uses.");
                    break;
                case InstructionKind.User when broad.Any(b => b.IsAdd):
                    reasons.Add($"The USER on line {line} changes the owner of what ADD extracts.");
                    break;
            }
        }
        return reasons;
    }

    /// <summary>Where an instruction starts when it moves: at the comments directly above it.</summary>
    private static int MovableStart(InstructionSyntax instruction)
        => instruction.LeadingComments.Count > 0 ? instruction.LeadingComments[0].FullSpan.Start : instruction.FullSpan.Start;

    private static string Indentation(string text, InstructionSyntax instruction)
    {
        var start = instruction.FullSpan.Start;
        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        return text[start..end];
    }

    private static string Directory(string containerPath)
    {
        var slash = containerPath.LastIndexOf('/');
        return slash <= 0 ? "/" : containerPath[..slash];
    }

    /// <summary>Shell form when every path is a plain word; JSON form when a path needs quoting.</summary>
    private static string FormatArguments(List<string> sources, string destination, char escape)
    {
        var all = sources.Append(destination).ToList();
        if (all.All(p => p.Length > 0 && p.All(c => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '$' or '[') && c != escape)))
            return string.Join(' ', all);
        return "[" + string.Join(", ", all.Select(p => "\"" + p.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";
    }

    private static bool EndsWithLineBreak(string s) => s.EndsWith('\n') || s.EndsWith('\r');

    private static string TrimOneLineBreak(string s)
        => s.EndsWith("\r\n", StringComparison.Ordinal) ? s[..^2] : EndsWithLineBreak(s) ? s[..^1] : s;
}
