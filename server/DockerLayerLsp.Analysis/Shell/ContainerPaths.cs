namespace DockerLayerLsp.Analysis.Shell;

/// <summary>Absolute, '/'-separated paths inside the image being built.</summary>
public static class ContainerPaths
{
    /// <summary>Resolves <paramref name="path"/> against <paramref name="baseDirectory"/> the way WORKDIR and COPY do.</summary>
    public static string Resolve(string baseDirectory, string path)
    {
        var combined = path.StartsWith('/') ? path : baseDirectory.TrimEnd('/') + "/" + path;
        return Normalize(combined);
    }

    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The directory after <c>cd target</c>; null when it depends on something unknown (variables, <c>cd -</c>).</summary>
    public static string? ResolveCd(string? current, string? target)
    {
        if (target is null or "~") return "/root";
        if (current is null || target.Contains('$') || target == "-") return target.StartsWith('/') && !target.Contains('$') ? Normalize(target) : null;
        return Resolve(current, target);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it.</summary>
    public static bool IsUnder(string path, string directory)
        => directory == "/" || path == directory || path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>The part of <paramref name="path"/> below <paramref name="directory"/> ("" when equal).</summary>
    public static string RelativeTo(string path, string directory)
        => path == directory ? "" : path[(directory == "/" ? 1 : directory.TrimEnd('/').Length + 1)..];
}
