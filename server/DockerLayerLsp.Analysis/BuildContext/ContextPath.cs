namespace DockerLayerLsp.Analysis.BuildContext;

/// <summary>
/// '/'-separated path arithmetic with Go's <c>path.Clean</c> rules, which is what Docker applies to
/// .dockerignore patterns and COPY sources. Kept apart from <see cref="System.IO.Path"/> on purpose:
/// context paths are the same on every OS, and '\' is an ordinary (escape) character here.
/// </summary>
internal static class ContextPath
{
    /// <summary>Port of Go's <c>path.Clean</c>: collapse '//', drop '.', resolve '..' lexically.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        if (IsClean(path))
        {
            return path;
        }

        var rooted = path[0] == '/';
        var kept = new List<string>();
        foreach (var element in path.Split('/'))
        {
            if (element.Length == 0 || element == ".")
            {
                continue;
            }

            if (element == "..")
            {
                if (kept.Count > 0 && kept[^1] != "..")
                {
                    kept.RemoveAt(kept.Count - 1);
                }
                else if (!rooted)
                {
                    kept.Add("..");
                }

                continue;
            }

            kept.Add(element);
        }

        var joined = string.Join('/', kept);
        if (rooted)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>Already in Clean's output form: no empty, "." or ".." element and no trailing '/'.</summary>
    private static bool IsClean(string path)
    {
        var start = path[0] == '/' ? 1 : 0;
        if (start == path.Length)
        {
            return true; // "/"
        }

        while (true)
        {
            var slash = path.IndexOf('/', start);
            var length = (slash < 0 ? path.Length : slash) - start;
            if (length == 0
                || (length == 1 && path[start] == '.')
                || (length == 2 && path[start] == '.' && path[start + 1] == '.'))
            {
                return false;
            }

            if (slash < 0)
            {
                return true;
            }

            start = slash + 1;
        }
    }

    /// <summary>
    /// A caller-supplied path made relative to the context root the way BuildKit treats COPY
    /// sources: cleaned as if rooted at the context, so "./go.mod", "/go.mod" and "../go.mod" all
    /// mean "go.mod". The root itself is "".
    /// </summary>
    public static string ToContextRelative(string path) => Clean("/" + path)[1..];

    /// <summary>
    /// A path that must already lie inside the context (a file list entry): cleaned, leading '/'
    /// dropped; null when it escapes the root or names the root itself.
    /// </summary>
    public static string? ToContainedRelative(string path)
    {
        var cleaned = Clean(path.TrimStart('/'));
        if (cleaned == "." || cleaned == ".." || cleaned.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        return cleaned;
    }

    public static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    public static string[] Elements(string relativePath) =>
        relativePath.Length == 0 ? [] : relativePath.Split('/');

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> itself or lies below it.</summary>
    public static bool IsAtOrBelow(string path, string directory) =>
        directory.Length == 0
        || path == directory
        || (path.Length > directory.Length && path[directory.Length] == '/' && path.StartsWith(directory, StringComparison.Ordinal));

    /// <summary>
    /// BuildKit's test for "does this COPY source need wildcard resolution": an unescaped
    /// '*', '?' or '['. A backslash escapes the next character (on non-Windows hosts).
    /// </summary>
    public static bool ContainsWildcards(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            var ch = path[i];
            if (ch == '\\')
            {
                i++;
            }
            else if (ch is '*' or '?' or '[')
            {
                return true;
            }
        }

        return false;
    }
}
