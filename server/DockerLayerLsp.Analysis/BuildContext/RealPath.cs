namespace DockerLayerLsp.Analysis.BuildContext;

/// <summary>
/// realpath(3) for containment checks: resolves every symlink along a path, one element at a
/// time, so "does this file really live inside the context" cannot be fooled by a link anywhere
/// in the chain. Gives up (null) on loops and on anything it cannot inspect.
/// </summary>
internal static class RealPath
{
    private const int MaxLinkHops = 40;

    public static string? Resolve(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        var root = Path.GetPathRoot(full);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        var remaining = new LinkedList<string>(Split(full[root.Length..]));
        var current = root;
        var hops = 0;
        while (remaining.First is { } first)
        {
            remaining.RemoveFirst();
            var element = first.Value;
            if (element == ".")
            {
                continue;
            }

            if (element == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, element);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            // Splice the link's target in front of what is left and keep resolving from there.
            var targetRoot = Path.GetPathRoot(target);
            if (!string.IsNullOrEmpty(targetRoot))
            {
                current = targetRoot;
                target = target[targetRoot.Length..];
            }

            var insertAt = remaining.First;
            foreach (var part in Split(target))
            {
                if (insertAt is null)
                {
                    remaining.AddLast(part);
                }
                else
                {
                    remaining.AddBefore(insertAt, part);
                }
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or inside it (both already real).</summary>
    public static bool IsInside(string path, string directory)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var withSeparator = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        return path.Equals(directory, comparison) || path.StartsWith(withSeparator, comparison);
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
