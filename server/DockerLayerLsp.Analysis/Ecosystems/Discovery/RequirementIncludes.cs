namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>Requirement files that requirement files include with <c>-r</c>/<c>-c</c>, relative to the including file;
/// and the local projects they name (<c>-e .</c>, <c>./libs/x</c>, <c>file:libs/x</c>, <c>x @ file:libs/x</c>), which pip
/// resolves against the working directory, not the file.</summary>
public sealed class RequirementIncludes : ManifestDiscovery
{
    private static readonly string[] IncludeFlags = ["-r", "--requirement", "-c", "--constraint"];

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
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
        foreach (var file in manifests)
        {
            var text = context.ReadAllText(file);
            if (text is null) continue;
            foreach (var rawLine in text.Split('\n'))
            {
                if (LocalPath(rawLine) is { } path && JoinInContext(projectDirectory, path) is { } local) yield return local;
            }
        }
    }

    /// <summary>The local path a requirement line installs from, or null for a named requirement, an option or a URL.</summary>
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
        if (word.StartsWith("file:", StringComparison.Ordinal))
        {
            word = word["file:".Length..];
            if (word.StartsWith("//", StringComparison.Ordinal)) return null; // file:///abs: a path in the image, not the context
            return word.Length == 0 ? "." : word;
        }
        if (word.StartsWith('-') || word.Contains("://", StringComparison.Ordinal)) return null;
        // A requirement name never holds '/': anything that does, or starts with '.', is a path.
        return word == "." || word.StartsWith("./", StringComparison.Ordinal) || word.StartsWith("../", StringComparison.Ordinal) || word.Contains('/') ? word : null;
    }
}
