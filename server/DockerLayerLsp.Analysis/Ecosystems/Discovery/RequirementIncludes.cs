namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>Requirement files that requirement files include with <c>-r</c>/<c>-c</c>, relative to the including file.</summary>
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
}
