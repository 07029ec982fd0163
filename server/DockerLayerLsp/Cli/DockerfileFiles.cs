using System.Text;

namespace DockerLayerLsp.Cli;

/// <summary>Finding, reading and atomically writing Dockerfiles without changing a byte we did not mean to.</summary>
internal static class DockerfileFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", "node_modules", "vendor", "bin", "obj", "target", ".venv" };

    public static bool IsDockerfileName(string fileName)
        => fileName is "Dockerfile" or "Containerfile" or "dockerfile"
           || fileName.StartsWith("Dockerfile.", StringComparison.Ordinal)
           || fileName.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".dockerignore", StringComparison.Ordinal);

    /// <summary>Expands folders into the Dockerfiles below them (sorted); files are taken as given.</summary>
    public static IEnumerable<string> Discover(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"no such file or directory: {path}");
        var found = new List<string>();
        var pending = new Stack<string>([path]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo sub)
                {
                    if (!SkippedDirectories.Contains(sub.Name) && sub.LinkTarget is null) pending.Push(sub.FullName);
                }
                else if (IsDockerfileName(entry.Name) && !entry.Name.EndsWith(".dockerignore", StringComparison.Ordinal))
                {
                    found.Add(Path.Combine(directory, entry.Name));
                }
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Reads as UTF-8 keeping a byte-order mark as U+FEFF, so writing back reproduces it.</summary>
    public static string Read(string path)
    {
        using var reader = new StreamReader(path, Utf8NoBom, detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }

    /// <summary>Writes through a temporary file in the same folder and renames it over the original.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.dockerlayer-{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, text, Utf8NoBom);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
