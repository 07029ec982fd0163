using System.Text;
using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Shell;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Fixes.CacheOrder;

/// <summary>A manifest the fix copies on its own: from <see cref="ContextPath"/> to <see cref="ContainerPath"/>.</summary>
public sealed record ManifestCopy(string ContextPath, string ContainerPath, bool IsDirectory);

/// <summary>Everything a cache-order fix strategy needs to know about one finding.</summary>
/// <param name="BroadCopies">The source COPYs before the install, in file order.</param>
/// <param name="Manifests">Manifests that only the broad copies bring today, to copy on their own.</param>
/// <param name="ProjectContextDirectory">The install's project folder in the build context ("" for the root).</param>
public sealed record CacheOrderFixRequest(
    SemanticModel Model,
    BuildContext.BuildContext? BuildContext,
    Stage Stage,
    RunModel Install,
    InstallMatch Match,
    string ProjectDirectory,
    IReadOnlyList<CopyModel> BroadCopies,
    IReadOnlyList<ManifestCopy> Manifests,
    string ProjectContextDirectory)
{
    /// <summary>Every manifest the install reads (context paths), whether the fix copies it or it is already in place.</summary>
    public IReadOnlyList<string> ReadManifests { get; init; } = [];

    /// <summary>Those of <see cref="Manifests"/> that an earlier COPY (one that stays before the fix's new lines) already puts in place.</summary>
    public IReadOnlyList<ManifestCopy> InPlace { get; init; } = [];

    /// <summary>The manifests the fix writes a COPY for: <see cref="Manifests"/> without those already <see cref="InPlace"/>.</summary>
    public IReadOnlyList<ManifestCopy> ManifestsToAdd => [.. Manifests.Where(m => !InPlace.Contains(m))];

    public string Text => Model.Tree.Text.ToString();
    public string LineBreak => Model.Tree.Text.PreferredLineBreak;

    /// <summary>True when every command of the install RUN is the install itself or reads no source.</summary>
    public bool OnlyInstalls => Install.Commands.All(c => IsSameInstall(c) || SourceFreeCommands.IsSourceFree(c));

    public bool IsSameInstall(ShellCommand command)
        => command.Start == Match.Shell.Start // the install itself, matched with its known variables expanded
           || InstallCommandMatcher.Match(command) is { } m && m.Ecosystem == Match.Ecosystem && m.Kind == InstallKind.DependenciesOnly;
}

/// <summary>Text building shared by the cache-order fixes: where instructions start, how new lines look.</summary>
internal static class FixText
{
    private static readonly string[] CarriedCopyFlags = ["chown", "chmod", "link"];

    /// <summary>Where an instruction starts when it moves: at the comments directly above it.</summary>
    public static int MovableStart(InstructionSyntax instruction)
        => instruction.LeadingComments.Count > 0 ? instruction.LeadingComments[0].FullSpan.Start : instruction.FullSpan.Start;

    public static int End(InstructionSyntax instruction) => instruction.FullSpan.Start + instruction.FullSpan.Length;

    public static string Indentation(string text, InstructionSyntax instruction)
    {
        var start = instruction.FullSpan.Start;
        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        return text[start..end];
    }

    /// <summary>COPY lines for the manifests: one per destination folder, each file keeping its name and relative place,
    /// with the flags of <paramref name="template"/> that set ownership and permissions.</summary>
    public static string CopyLines(CacheOrderFixRequest request, CopyModel template, string workingDirectory)
    {
        var text = request.Text;
        var indentation = Indentation(text, template.Syntax);
        var keyword = template.IsAdd ? (char.IsLower(template.Syntax.Keyword[0]) ? "copy" : "COPY") : template.Syntax.Keyword;
        var flags = string.Concat(template.Syntax.Flags.Where(f => CarriedCopyFlags.Contains(f.Name)).Select(f => f.Raw + " "));
        var lines = new StringBuilder();
        var manifests = request.ManifestsToAdd;
        var files = manifests.Where(m => !m.IsDirectory && Name(m.ContextPath) == Name(m.ContainerPath)).ToList();
        foreach (var group in files.GroupBy(m => Folder(m.ContainerPath)))
        {
            var destination = group.Key == workingDirectory ? "./" : group.Key.TrimEnd('/') + "/";
            lines.Append(indentation).Append(keyword).Append(' ').Append(flags)
                .Append(Arguments([.. group.Select(m => m.ContextPath).Distinct()], destination, request.Model.Tree.EscapeChar)).Append(request.LineBreak);
        }
        foreach (var single in manifests.Where(m => m.IsDirectory || Name(m.ContextPath) != Name(m.ContainerPath)))
        {
            var destination = single.IsDirectory ? single.ContainerPath.TrimEnd('/') + "/" : single.ContainerPath;
            lines.Append(indentation).Append(keyword).Append(' ').Append(flags)
                .Append(Arguments([single.ContextPath], destination, request.Model.Tree.EscapeChar)).Append(request.LineBreak);
        }
        return lines.ToString();
    }

    /// <summary>The <c>--mount</c> flags of the install that a dependency step also wants (caches, secrets, SSH).</summary>
    public static string CarriedMounts(RunModel run)
        => string.Concat(run.Syntax.Flags.Where(f => f.Name == "mount" && f.Value is { } v && !v.Contains("type=bind", StringComparison.Ordinal)
                                                     && (v.Contains("type=cache", StringComparison.Ordinal) || v.Contains("type=secret", StringComparison.Ordinal) || v.Contains("type=ssh", StringComparison.Ordinal)))
            .Select(f => f.Raw + " "));

    public static string Names(IEnumerable<ManifestCopy> manifests)
    {
        var names = manifests.Select(m => m.ContextPath).Distinct().ToList();
        return names.Count <= 6 ? string.Join(", ", names) : string.Join(", ", names.Take(6)) + $" and {names.Count - 6} more";
    }

    private static string Name(string path) => path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];

    private static string Folder(string containerPath)
    {
        var slash = containerPath.LastIndexOf('/');
        return slash <= 0 ? "/" : containerPath[..slash];
    }

    /// <summary>Shell form when every path is a plain word; JSON form when a path needs quoting.</summary>
    private static string Arguments(List<string> sources, string destination, char escape)
    {
        var all = sources.Append(destination).ToList();
        if (all.All(p => p.Length > 0 && p.All(c => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '$' or '[') && c != escape)))
            return string.Join(' ', all);
        return "[" + string.Join(", ", all.Select(p => "\"" + p.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";
    }

    /// <summary>
    /// Ends the first part of a split RUN: <paramref name="prefix"/> is the RUN up to the separator, <paramref name="gap"/>
    /// the separator up to the next command. BuildKit skips comment and blank lines inside a continuation without ending
    /// it, so a prefix ending in such lines still continues into whatever follows; they are cut off (the comments are
    /// returned, trimmed, to go above the second part, which they precede in the original), then the trailing escape.
    /// </summary>
    public static (string Prefix, IReadOnlyList<string> Comments) EndContinuation(string prefix, string gap, char escape)
    {
        var lines = prefix.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var comments = new List<string>();
        while (lines.Count > 1 && (lines[^1].Trim().Length == 0 || lines[^1].TrimStart().StartsWith('#')))
        {
            if (lines[^1].Trim().Length > 0) comments.Insert(0, lines[^1].Trim());
            lines.RemoveAt(lines.Count - 1);
        }
        // The gap's first line holds the separator; every later line is a continuation line.
        comments.AddRange(gap.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.StartsWith('#')));
        var last = lines[^1].TrimEnd();
        if (last.EndsWith(escape)) last = last[..^1].TrimEnd();
        lines[^1] = last;
        var lineBreak = prefix.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return (string.Join(lineBreak, lines), comments);
    }

    public static bool EndsWithLineBreak(string s) => s.EndsWith('\n') || s.EndsWith('\r');

    public static string TrimOneLineBreak(string s)
        => s.EndsWith("\r\n", StringComparison.Ordinal) ? s[..^2] : EndsWithLineBreak(s) ? s[..^1] : s;
}
