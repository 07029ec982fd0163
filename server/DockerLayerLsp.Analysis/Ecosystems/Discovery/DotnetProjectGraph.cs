using System.Text.RegularExpressions;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>
/// What <c>dotnet restore</c> reads besides the project: the projects it references (transitively, and
/// every project of a solution), and the Directory.Build.*, Directory.Packages.props, NuGet.config and
/// global.json files in their folders and every folder above them.
/// </summary>
public sealed partial class DotnetProjectGraph : ManifestDiscovery
{
    private static readonly string[] FolderFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config", "global.json"];

    [GeneratedRegex(@"<ProjectReference\s+Include\s*=\s*""(?<path>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"""(?<path>[^""]+\.(?:cs|fs|vb)proj)""", RegexOptions.IgnoreCase)]
    private static partial Regex SolutionProject();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var projects = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(manifests.Where(IsProjectOrSolution));
        var found = new List<string>();
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            if (!projects.Add(file)) continue;
            if (!manifests.Contains(file)) found.Add(file);
            var text = context.ReadAllText(file);
            if (text is null) continue;
            var pattern = file.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? SolutionProject() : ProjectReference();
            foreach (Match match in pattern.Matches(text))
            {
                var referenced = Join(DirectoryOf(file), match.Groups["path"].Value);
                if (context.Exists(referenced)) queue.Enqueue(referenced);
            }
        }
        foreach (var lockfile in projects.Where(p => p.EndsWith("proj", StringComparison.OrdinalIgnoreCase)).Select(p => Join(DirectoryOf(p), "packages.lock.json")))
        {
            if (context.Exists(lockfile) && !manifests.Contains(lockfile)) found.Add(lockfile);
        }
        foreach (var directory in projects.Select(DirectoryOf).Append(projectDirectory).SelectMany(Ancestors).Distinct())
        {
            foreach (var name in FolderFiles)
            {
                var path = Join(directory, name);
                if (context.Exists(path) && !manifests.Contains(path)) found.Add(path);
            }
        }
        return found.Distinct();
    }

    private static bool IsProjectOrSolution(string path)
        => path.EndsWith("proj", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var current = directory; ; current = DirectoryOf(current))
        {
            yield return current;
            if (current.Length == 0) yield break;
        }
    }
}
