using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Rules.CacheOrder;

/// <summary>
/// Answers two questions about a COPY/ADD from the build context: which context file lands at a
/// given container path, and whether the copy brings more than dependency manifests ("broad").
/// </summary>
internal static class CopyMapping
{
    /// <summary>
    /// The context path that <paramref name="copy"/> would place at <paramref name="containerPath"/>, or
    /// null. With a known context the file must exist (and not be ignored); without one, directory
    /// sources are assumed to hold it.
    /// </summary>
    public static string? ContextPathFor(CopyModel copy, string containerPath, BuildContext.BuildContext? context)
    {
        foreach (var source in copy.Sources.Reverse())
        {
            if (source.Kind != CopySourceKind.Context) continue;
            var candidate = Candidate(copy, source, containerPath, context);
            if (candidate is not null && !Excludes(copy, source, candidate)) return candidate;
        }
        return null;
    }

    private static string? Candidate(CopyModel copy, CopySource source, string containerPath, BuildContext.BuildContext? context)
    {
        var sourcePath = CleanContextPath(source.Path);
        var isGlob = sourcePath.IndexOfAny(['*', '?', '[']) >= 0;
        var isDirectory = !isGlob && (sourcePath.Length == 0 || source.Path.EndsWith('/') || (context?.DirectoryHasIncludedFiles(sourcePath) ?? !LooksLikeFile(sourcePath)));

        if (isDirectory)
        {
            // A directory source copies its content into the destination directory.
            if (!ContainerPaths.IsUnder(containerPath, copy.Destination) || containerPath == copy.Destination) return null;
            var relative = ContainerPaths.RelativeTo(containerPath, copy.Destination);
            var candidate = sourcePath.Length == 0 ? relative : sourcePath + "/" + relative;
            return context is null || context.Exists(candidate) ? candidate : null;
        }

        var fileName = containerPath[(containerPath.LastIndexOf('/') + 1)..];
        var landsAt = copy.DestinationIsDirectory ? ContainerPaths.Resolve(copy.Destination, fileName) : copy.Destination;
        if (landsAt != containerPath) return null;
        if (!isGlob)
        {
            var name = sourcePath[(sourcePath.LastIndexOf('/') + 1)..];
            if (copy.DestinationIsDirectory && name != fileName) return null;
            return context is null || context.Exists(sourcePath) ? sourcePath : null;
        }
        if (context is null) return null;
        return context.Match(sourcePath).FirstOrDefault(f => f[(f.LastIndexOf('/') + 1)..] == fileName);
    }

    /// <summary>Where <paramref name="copy"/> puts the context file <paramref name="contextPath"/>, or null when it does not copy it.</summary>
    public static string? ContainerPathFor(CopyModel copy, string contextPath, BuildContext.BuildContext? context)
    {
        string? result = null;
        foreach (var source in copy.Sources)
        {
            if (source.Kind != CopySourceKind.Context) continue;
            if (Excludes(copy, source, contextPath)) continue;
            var sourcePath = CleanContextPath(source.Path);
            var isGlob = sourcePath.IndexOfAny(['*', '?', '[']) >= 0;
            var fileName = contextPath[(contextPath.LastIndexOf('/') + 1)..];
            if (isGlob)
            {
                if (context is not null && context.Match(sourcePath).Contains(contextPath))
                    result = copy.DestinationIsDirectory ? ContainerPaths.Resolve(copy.Destination, fileName) : copy.Destination;
                continue;
            }
            if (sourcePath == contextPath)
            {
                result = copy.DestinationIsDirectory ? ContainerPaths.Resolve(copy.Destination, fileName) : copy.Destination;
                continue;
            }
            if (sourcePath.Length == 0 || contextPath.StartsWith(sourcePath + "/", StringComparison.Ordinal))
            {
                var relative = sourcePath.Length == 0 ? contextPath : contextPath[(sourcePath.Length + 1)..];
                result = ContainerPaths.Resolve(copy.Destination, relative);
            }
        }
        return result;
    }

    /// <summary>The context folder whose content <paramref name="copy"/> places at <paramref name="containerDirectory"/>, or null.</summary>
    public static string? ContextDirectoryFor(CopyModel copy, string containerDirectory, BuildContext.BuildContext? context)
    {
        string? result = null;
        foreach (var source in copy.Sources)
        {
            if (source.Kind != CopySourceKind.Context) continue;
            var sourcePath = CleanContextPath(source.Path);
            if (sourcePath.IndexOfAny(['*', '?', '[']) >= 0) continue;
            var isDirectory = sourcePath.Length == 0 || source.Path.EndsWith('/') || (context?.DirectoryHasIncludedFiles(sourcePath) ?? !LooksLikeFile(sourcePath));
            if (!isDirectory || !ContainerPaths.IsUnder(containerDirectory, copy.Destination)) continue;
            var relative = ContainerPaths.RelativeTo(containerDirectory, copy.Destination);
            var directory = sourcePath.Length == 0 ? relative : relative.Length == 0 ? sourcePath : sourcePath + "/" + relative;
            if (directory.Length > 0 && Excludes(copy, source, directory)) continue;
            result = directory;
        }
        return result;
    }

    /// <summary>
    /// True when the copy brings files that are not dependency manifests (or files the install reads),
    /// so editing any of them invalidates every later layer.
    /// </summary>
    public static bool IsBroad(CopyModel copy, BuildContext.BuildContext? context, Func<string, bool> isNeeded)
    {
        foreach (var source in copy.Sources)
        {
            if (source.Kind != CopySourceKind.Context) continue;
            var path = CleanContextPath(source.Path);
            if (context is not null)
            {
                var files = path.Length == 0 ? context.Files : context.Match(path);
                if (files.Any(f => !IsManifest(f) && !isNeeded(f) && !Excludes(copy, source, f))) return true;
                continue;
            }
            if (path.Length == 0 || source.Path.EndsWith('/') || (!IsManifest(path) && !isNeeded(path))) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <c>--exclude</c> keeps <paramref name="contextPath"/> (a file or folder of <paramref name="source"/>) out of the
    /// copy. BuildKit matches the patterns as .dockerignore lines against the path relative to the source: below a folder
    /// source, its path inside the folder; for a file (or a file a wildcard matched), its name.
    /// </summary>
    public static bool Excludes(CopyModel copy, CopySource source, string contextPath)
    {
        var patterns = copy.Syntax.Flags.Where(f => f.Name == "exclude" && !string.IsNullOrEmpty(f.Value)).Select(f => f.Value!).ToList();
        if (patterns.Count == 0) return false;
        var sourcePath = CleanContextPath(source.Path);
        var relative = sourcePath.Length == 0 ? contextPath
            : contextPath.StartsWith(sourcePath + "/", StringComparison.Ordinal) ? contextPath[(sourcePath.Length + 1)..]
            : contextPath[(contextPath.LastIndexOf('/') + 1)..];
        return BuildContext.DockerIgnore.Parse(string.Join('\n', patterns)).IsExcluded(relative);
    }

    private static bool IsManifest(string contextPath)
        => EcosystemCatalog.LooksLikeManifest(contextPath[(contextPath.LastIndexOf('/') + 1)..]) || EcosystemCatalog.IsInManifestDirectory(contextPath);

    /// <summary>"./src/" → "src", "." → "" (the context root), "/go.mod" → "go.mod".</summary>
    public static string CleanContextPath(string path)
    {
        var normalized = ContainerPaths.Normalize(path);
        return normalized == "/" ? "" : normalized[1..];
    }

    private static bool LooksLikeFile(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Contains('.') || EcosystemCatalog.LooksLikeManifest(name);
    }
}
