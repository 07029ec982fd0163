namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>Requirement files that requirement files include with <c>-r</c>/<c>-c</c>, relative to the including file;
/// the local projects they name (<c>-e .</c>, <c>./libs/x</c>, <c>file:libs/x</c>, <c>x @ file:///app/libs/x</c>), which pip
/// resolves against the working directory, not the file; and the local folders pip finds packages in (<c>--find-links</c>,
/// <c>file:</c> indexes), in the files or on the command line.</summary>
public sealed class RequirementIncludes : ManifestDiscovery
{
    private static readonly string[] IncludeFlags = ["-r", "--requirement", "-c", "--constraint"];

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
        => Included(context, manifests);

    /// <summary>The files <paramref name="files"/> include with <c>-r</c>/<c>-c</c>, followed transitively (context paths that exist).</summary>
    internal static IEnumerable<string> Included(BuildContext.BuildContext context, IReadOnlyList<string> manifests)
    {
        var seen = new HashSet<string>(manifests, StringComparer.Ordinal);
        var queue = new Queue<string>(manifests);
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            var text = context.ReadAllText(file);
            if (text is null) continue;
            foreach (var rawLine in text.Split('\n'))
            {
                var words = rawLine.Trim().Split([' ', '\t', '='], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2 || !IncludeFlags.Contains(words[0])) continue;
                var included = Join(DirectoryOf(file), words[1]);
                if (context.Exists(included) && seen.Add(included))
                {
                    queue.Enqueue(included);
                    yield return included;
                }
            }
        }
    }

    public override IEnumerable<string> LocalPackages(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        foreach (var source in PackageSources(install.Arguments))
        {
            if (JoinInContextOrImage(projectDirectory, source) is { } local) yield return local;
        }
        foreach (var file in manifests)
        {
            var text = context.ReadAllText(file);
            if (text is null) continue;
            foreach (var local in LocalPackagesIn(context, text.Split('\n'), DirectoryOf(file), projectDirectory)) yield return local;
        }
    }

    /// <summary>The local packages requirement lines name (see <see cref="ManifestDiscovery.LocalPackages"/>): requirements on
    /// paths, which pip resolves against <paramref name="workingDirectory"/>, and folders or indexes it finds packages in
    /// (<c>--find-links</c>, <c>file:</c> index URLs), which it resolves against <paramref name="fileDirectory"/> when they are there.</summary>
    internal static IEnumerable<string> LocalPackagesIn(BuildContext.BuildContext context, IEnumerable<string> lines, string fileDirectory, string workingDirectory)
    {
        foreach (var rawLine in lines)
        {
            if (LocalPath(rawLine) is { } path && JoinInContextOrImage(workingDirectory, path) is { } local) yield return local;
            foreach (var source in PackageSources(rawLine.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)))
            {
                var nextToFile = JoinInContext(fileDirectory, source);
                if (nextToFile is not null && (context.Exists(nextToFile) || context.DirectoryHasIncludedFiles(nextToFile))) yield return nextToFile;
                else if (JoinInContextOrImage(workingDirectory, source) is { } inWorkingDirectory) yield return inWorkingDirectory;
            }
        }
    }

    private static readonly string[] FindLinksFlags = ["-f", "--find-links"];
    private static readonly string[] IndexFlags = ["-i", "--index-url", "--extra-index-url"];

    /// <summary>Local places pip reads packages from, among option words: <c>--find-links</c> paths and <c>file:</c> URLs,
    /// and <c>file:</c> index URLs (the others are remote).</summary>
    private static IEnumerable<string> PackageSources(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith('#')) yield break;
            string? flag = null, value = null;
            foreach (var candidate in FindLinksFlags.Concat(IndexFlags))
            {
                var isLong = candidate.StartsWith("--", StringComparison.Ordinal);
                if (word == candidate) value = i + 1 < words.Count ? words[++i] : null;
                else if (isLong && word.StartsWith(candidate + "=", StringComparison.Ordinal)) value = word[(candidate.Length + 1)..];
                else if (!isLong && word.Length > 2 && word.StartsWith(candidate, StringComparison.Ordinal)) value = word[2..].TrimStart('=');
                else continue;
                flag = candidate;
                break;
            }
            if (flag is null || value is null) continue;
            var path = FileUrlPath(value) ?? (FindLinksFlags.Contains(flag) && !value.Contains("://", StringComparison.Ordinal) ? value : null);
            if (path is not null) yield return path;
        }
    }

    /// <summary>The local path a requirement line installs from (absolute for <c>file:///abs</c>), or null for a named
    /// requirement, an option or a remote URL.</summary>
    private static string? LocalPath(string rawLine)
    {
        var line = rawLine.Trim();
        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0) line = line[..comment];
        if (line.StartsWith('#')) return null;
        foreach (var flag in new[] { "--editable", "-e" })
        {
            if (!line.StartsWith(flag, StringComparison.Ordinal)) continue;
            line = line[flag.Length..].TrimStart(' ', '\t', '=');
            break;
        }
        var at = line.IndexOf(" @ ", StringComparison.Ordinal);
        if (at >= 0) line = line[(at + 3)..].Trim();
        var end = line.IndexOfAny([' ', '\t', ';', '[', '#']);
        var word = end < 0 ? line : line[..end];
        if (word.StartsWith("file:", StringComparison.Ordinal)) return FileUrlPath(word);
        if (word.StartsWith('-') || word.Contains("://", StringComparison.Ordinal)) return null;
        // A requirement name never holds '/': anything that does, or starts with '.', is a path.
        return word == "." || word.StartsWith("./", StringComparison.Ordinal) || word.StartsWith("../", StringComparison.Ordinal) || word.Contains('/') ? word : null;
    }
}
