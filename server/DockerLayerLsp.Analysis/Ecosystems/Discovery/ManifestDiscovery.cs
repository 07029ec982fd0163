using System.Text.RegularExpressions;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>
/// Reads manifests (through <see cref="BuildContext.BuildContext.ReadAllText"/>) to find the other files an
/// install needs: workspace members, referenced projects, included requirement files. Paths in and out
/// are context-relative; only files present in the context are returned. Contexts that cannot be read
/// (in-memory) simply yield nothing more.
/// </summary>
public abstract class ManifestDiscovery
{
    /// <param name="projectDirectory">The install's project folder in the context ("" is the root).</param>
    /// <param name="manifests">Manifests already found for the install (context paths).</param>
    public abstract IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install);

    protected static string Join(string directory, string relative)
    {
        var combined = directory.Length == 0 ? relative : directory + "/" + relative;
        var parts = new List<string>();
        foreach (var part in combined.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    protected static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>Folders below <paramref name="root"/> matching a workspace glob (<c>packages/*</c>, <c>apps/**</c>) that hold <paramref name="fileName"/>.</summary>
    protected static IEnumerable<string> MatchMembers(BuildContext.BuildContext context, string root, IEnumerable<string> globs, string fileName)
    {
        var include = new List<Regex>();
        var exclude = new List<Regex>();
        foreach (var raw in globs)
        {
            var glob = raw.Trim().Trim('"', '\'');
            if (glob.Length == 0) continue;
            var negated = glob.StartsWith('!');
            glob = glob.TrimStart('!').TrimStart('.', '/').TrimEnd('/');
            var pattern = "^" + Regex.Escape(glob).Replace(@"\*\*", "\u0001").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]").Replace("\u0001", ".*") + "$";
            (negated ? exclude : include).Add(new Regex(pattern, RegexOptions.CultureInvariant));
        }
        var prefix = root.Length == 0 ? "" : root + "/";
        foreach (var file in context.Files)
        {
            if (!file.StartsWith(prefix, StringComparison.Ordinal) || !file.EndsWith("/" + fileName, StringComparison.Ordinal)) continue;
            if (file.Contains("/node_modules/", StringComparison.Ordinal) || file.StartsWith("node_modules/", StringComparison.Ordinal)) continue;
            var directory = DirectoryOf(file[prefix.Length..]);
            if (include.Any(r => r.IsMatch(directory)) && !exclude.Any(r => r.IsMatch(directory))) yield return file;
        }
    }
}
