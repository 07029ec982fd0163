using System.Text.RegularExpressions;
using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Rules.CacheOrder;

/// <summary>A manifest an install reads: where it is in the image, which context file it is, and which COPY put it there.</summary>
internal sealed record ResolvedManifest(string ContainerPath, string ContextPath, CopyModel Provider, ManifestRole Role)
{
    public bool IsDirectory => ContextPath.EndsWith('/');
}

/// <summary>
/// Finds the manifests an install reads, by real paths: the row's manifests in the install's project
/// folder, mapped back through the COPYs before it to context files, plus what the ecosystem's
/// <see cref="ManifestDiscovery"/> finds in their content (workspace members, referenced projects).
/// </summary>
internal static class ManifestResolver
{
    /// <param name="InstallsTheProject">A manifest names the project itself as a local package (<c>-e .</c> in a
    /// requirements file): the install builds the project, like <c>pip install .</c>.</param>
    /// <param name="NoFixReason">Why a fix cannot know every file the install reads (from <see cref="ManifestDiscovery.NoFixReason"/>).</param>
    public sealed record Result(IReadOnlyList<ResolvedManifest> Manifests, string? ProjectContextDirectory, bool InstallsTheProject = false, string? NoFixReason = null)
    {
        public bool HasRequired => Manifests.Any(m => m.Role == ManifestRole.Required);
    }

    public static Result Resolve(InstallMatch install, string projectDirectory, IReadOnlyList<CopyModel> copiesBefore, BuildContext.BuildContext? context)
    {
        var found = new Dictionary<string, ResolvedManifest>(StringComparer.Ordinal);
        void Add(ResolvedManifest manifest)
        {
            if (!found.TryGetValue(manifest.ContainerPath, out var existing) || existing.Role != ManifestRole.Required) found[manifest.ContainerPath] = manifest;
        }

        foreach (var manifest in install.Manifests)
        {
            if (manifest.IsPattern)
            {
                foreach (var resolved in ResolvePattern(manifest, projectDirectory, copiesBefore, context)) Add(resolved);
                continue;
            }
            var containerPath = ContainerPaths.Resolve(projectDirectory, manifest.Name.TrimEnd('/'));
            for (var i = copiesBefore.Count - 1; i >= 0; i--)
            {
                var copy = copiesBefore[i];
                if (manifest.IsDirectory)
                {
                    var directory = CopyMapping.ContextDirectoryFor(copy, containerPath, context);
                    if (directory is null || context is null || !context.DirectoryHasIncludedFiles(directory)) continue;
                    Add(new ResolvedManifest(containerPath, directory + "/", copy, manifest.Role));
                    break;
                }
                var contextPath = CopyMapping.ContextPathFor(copy, containerPath, context);
                if (contextPath is null) continue;
                Add(new ResolvedManifest(containerPath, contextPath, copy, manifest.Role));
                break;
            }
        }

        var required = found.Values.FirstOrDefault(m => m.Role == ManifestRole.Required);
        var projectContextDirectory = required is null ? null : Parent(required.ContextPath, required.ContainerPath, projectDirectory);
        if (install.Ecosystem.Discoveries.Count > 0 && context is not null && projectContextDirectory is not null)
        {
            foreach (var discovery in install.Ecosystem.Discoveries)
            {
                var known = found.Values.Select(m => m.ContextPath).ToList();
                foreach (var discovered in discovery.Discover(context, projectContextDirectory, known, install).ToList())
                {
                    if (InContext(discovered, copiesBefore, context) is not { } extra) continue;
                    for (var i = copiesBefore.Count - 1; i >= 0; i--)
                    {
                        var containerPath = CopyMapping.ContainerPathFor(copiesBefore[i], extra, context);
                        if (containerPath is null) continue;
                        Add(new ResolvedManifest(containerPath, extra, copiesBefore[i], ManifestRole.Config));
                        break;
                    }
                }
            }
            var manifests = found.Values.Select(m => m.ContextPath).Where(p => !p.EndsWith('/')).ToList();
            var packages = install.Ecosystem.Discoveries.SelectMany(d => d.LocalPackages(context, projectContextDirectory, manifests, install)).Distinct().ToList();
            foreach (var written in packages)
            {
                // A path in the image that no COPY before the install brings from the context is not the source's to provide.
                if (InContext(written, copiesBefore, context) is not { } package) continue;
                if (IsTheProject(package, projectContextDirectory))
                    return new Result([.. found.Values], projectContextDirectory, InstallsTheProject: true);
                // A folder or file in the context (not ignored) is a needed narrow copy; one that is not cannot be copied.
                var contextPath = context.Exists(package) ? package : context.DirectoryHasIncludedFiles(package) ? package + "/" : null;
                if (contextPath is null) continue;
                for (var i = copiesBefore.Count - 1; i >= 0; i--)
                {
                    var containerPath = CopyMapping.ContainerPathFor(copiesBefore[i], package, context);
                    if (containerPath is null) continue;
                    Add(new ResolvedManifest(containerPath, contextPath, copiesBefore[i], ManifestRole.Config));
                    break;
                }
            }
            var reason = install.Ecosystem.Discoveries.Select(d => d.NoFixReason(context, projectContextDirectory, manifests, install)).FirstOrDefault(r => r is not null);
            return new Result([.. found.Values], projectContextDirectory, NoFixReason: reason);
        }
        return new Result([.. found.Values], projectContextDirectory);
    }

    /// <summary>
    /// For an install that reads the build context through a bind mount of all of it, the project at
    /// <paramref name="projectContextDirectory"/>: whether its manifests name the project itself as a local package
    /// (<c>-e .</c> in requirements.txt), so that it needs the whole project, as <c>pip install -e .</c> does.
    /// </summary>
    public static bool InstallsTheProjectFromContext(InstallMatch install, string projectContextDirectory, BuildContext.BuildContext context)
    {
        var manifests = install.Manifests.Where(m => !m.IsPattern && !m.IsDirectory)
            .Select(m => CopyMapping.CleanContextPath(projectContextDirectory + "/" + m.Name)).Where(context.Exists).ToList();
        foreach (var discovery in install.Ecosystem.Discoveries)
            manifests.AddRange(discovery.Discover(context, projectContextDirectory, [.. manifests], install).Where(m => !manifests.Contains(m)).ToList());
        return install.Ecosystem.Discoveries.SelectMany(d => d.LocalPackages(context, projectContextDirectory, manifests, install))
            .Any(p => IsTheProject(p, projectContextDirectory));
    }

    /// <summary>A discovered path as a context path: itself, or for an absolute image path the context file or folder the
    /// latest COPY that places something there brings (null when none does).</summary>
    private static string? InContext(string path, IReadOnlyList<CopyModel> copiesBefore, BuildContext.BuildContext context)
    {
        if (!path.StartsWith('/')) return path;
        for (var i = copiesBefore.Count - 1; i >= 0; i--)
        {
            if (CopyMapping.ContextPathFor(copiesBefore[i], path, context) is { } file) return file;
            if (CopyMapping.ContextDirectoryFor(copiesBefore[i], path, context) is { } directory
                && (directory.Length == 0 || context.DirectoryHasIncludedFiles(directory))) return directory;
        }
        return null;
    }

    /// <summary>A local package at the project folder or one above it: installing it builds the project.</summary>
    private static bool IsTheProject(string package, string projectContextDirectory)
        => package.Length == 0 || package == projectContextDirectory || projectContextDirectory.StartsWith(package + "/", StringComparison.Ordinal);

    /// <summary>The context folder of the project: the required manifest's folder, as deep below it as the container path is below the project folder.</summary>
    private static string Parent(string contextPath, string containerPath, string projectDirectory)
    {
        var depth = ContainerPaths.RelativeTo(containerPath, projectDirectory).Count(c => c == '/') + 1;
        var directory = contextPath.TrimEnd('/');
        for (var i = 0; i < depth; i++)
        {
            var slash = directory.LastIndexOf('/');
            directory = slash < 0 ? "" : directory[..slash];
        }
        return directory;
    }

    private static IEnumerable<ResolvedManifest> ResolvePattern(ManifestFile manifest, string projectDirectory, IReadOnlyList<CopyModel> copiesBefore, BuildContext.BuildContext? context)
    {
        if (context is null) yield break;
        var regex = new Regex("^" + Regex.Escape(manifest.Name).Replace(@"\*", "[^/]*") + "$", RegexOptions.CultureInvariant);
        var byPath = new Dictionary<string, ResolvedManifest>(StringComparer.Ordinal);
        foreach (var copy in copiesBefore)
        {
            var directory = CopyMapping.ContextDirectoryFor(copy, projectDirectory, context);
            if (directory is not null)
            {
                foreach (var file in context.Match((directory.Length == 0 ? "" : directory + "/") + manifest.Name))
                {
                    if (copy.Sources.Any(s => s.Kind == CopySourceKind.Context && CopyMapping.Excludes(copy, s, file))) continue;
                    var name = file[(file.LastIndexOf('/') + 1)..];
                    var containerPath = ContainerPaths.Resolve(projectDirectory, name);
                    byPath[containerPath] = new ResolvedManifest(containerPath, file, copy, manifest.Role);
                }
            }
            if (!copy.DestinationIsDirectory || copy.Destination != projectDirectory) continue;
            foreach (var source in copy.Sources.Where(s => s.Kind == CopySourceKind.Context))
            {
                foreach (var file in context.Match(CopyMapping.CleanContextPath(source.Path)))
                {
                    var name = file[(file.LastIndexOf('/') + 1)..];
                    if (file.Contains('/') && !source.Path.Contains('*') && CopyMapping.CleanContextPath(source.Path) != file) continue; // below a copied folder
                    if (!regex.IsMatch(name) || CopyMapping.Excludes(copy, source, file)) continue;
                    var containerPath = ContainerPaths.Resolve(projectDirectory, name);
                    byPath[containerPath] = new ResolvedManifest(containerPath, file, copy, manifest.Role);
                }
            }
        }
        foreach (var resolved in byPath.Values) yield return resolved;
    }
}
