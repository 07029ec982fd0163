using System.Text.RegularExpressions;
using DockerLayerLsp.Analysis.Shell;

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

    /// <summary>
    /// Local packages the manifests name (pip <c>-e ./pkg</c>, a <c>{ path = "libs/x" }</c> dependency, npm <c>file:</c>),
    /// as context paths of folders or files, whether or not they exist; the project folder itself (or one above it)
    /// means the install builds the project. Paths that leave the context are left out. An absolute path (starting
    /// with '/') is a path in the image (<c>file:///app/libs/x</c>): it is mapped back through the COPYs before the install.
    /// </summary>
    /// <param name="manifests">Every manifest found for the install, discovered ones included (context paths).</param>
    public virtual IEnumerable<string> LocalPackages(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install) => [];

    /// <summary>Why the install may read files this discovery cannot name (a gemspec reading a computed path), so that a fix
    /// copying only the manifests might break it; null when every file it reads is known.</summary>
    public virtual string? NoFixReason(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install) => null;

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

    /// <summary><see cref="Join"/> for a path written in a manifest: null when it is absolute, a URL, or leaves the context.</summary>
    protected static string? JoinInContext(string directory, string relative)
    {
        if (relative.StartsWith('/') || relative.Contains("://", StringComparison.Ordinal) || relative.Contains('$')) return null;
        var depth = directory.Length == 0 ? 0 : directory.Split('/').Length;
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part == "..") { if (--depth < 0) return null; }
            else if (part.Length > 0 && part != ".") depth++;
        }
        return Join(directory, relative);
    }

    /// <summary>A path written in a manifest, relative to <paramref name="directory"/>: a context path, an absolute image path
    /// (normalised, kept absolute), or null for a URL, a variable or a path that leaves the context.</summary>
    protected static string? JoinInContextOrImage(string directory, string path)
        => path.StartsWith('/') ? (path.Contains('$') ? null : ContainerPaths.Normalize(path)) : JoinInContext(directory, path);

    /// <summary>The path of a <c>file:</c> URL (<c>file:///abs</c>, <c>file:/abs</c>, <c>file:rel</c>); null for another host or scheme.</summary>
    protected static string? FileUrlPath(string url)
    {
        if (!url.StartsWith("file:", StringComparison.Ordinal)) return null;
        var rest = url["file:".Length..];
        if (rest.StartsWith("///", StringComparison.Ordinal)) return rest[2..];
        if (rest.StartsWith("//", StringComparison.Ordinal)) return null; // file://host/...
        return rest.Length == 0 ? "." : rest;
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
