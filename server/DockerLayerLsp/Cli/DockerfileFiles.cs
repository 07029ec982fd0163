using System.Text;

namespace DockerLayerLsp.Cli;

/// <summary>Finding, reading and atomically writing Dockerfiles without changing a byte we did not mean to.</summary>
internal static class DockerfileFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", "node_modules", "vendor", "bin", "obj", "target", ".venv" };

    public static bool IsDockerfileName(string fileName) => Analysis.BuildContext.DockerfileName.Matches(fileName);

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

    /// <summary>
    /// Replaces the file's text and nothing else about it: a symlink is written through to its target (the link
    /// stays), the mode and owner are kept, a file with other hard links is rewritten in place (a rename would split
    /// them), and a file nobody may write is refused. Otherwise the text goes to a temporary file in the same folder
    /// that is renamed over the original, so a crash never leaves half a Dockerfile.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written; the message says why in one line.</exception>
    public static void WriteAtomically(string path, string text)
    {
        var target = Path.GetFullPath(new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path);
        var directory = Path.GetDirectoryName(target)!;
        var mode = OperatingSystem.IsWindows() ? (UnixFileMode?)null : File.GetUnixFileMode(target);
        if (mode is { } m && (m & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
            throw new IOException("the file is read-only (no write permission for anyone)");
        var owner = UnixFileOwner.Get(target);
        if (owner is { Links: > 1 })
        {
            File.WriteAllText(target, text, Utf8NoBom);
            return;
        }
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.dockerlayer-{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, text, Utf8NoBom);
            if (mode is { } keep && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, keep);
            // Only root can give a file away; for anyone else the new file is already theirs, as the old one was.
            if (owner is { } o && UnixFileOwner.Get(temporary) is { } created && (created.Uid != o.Uid || created.Gid != o.Gid))
                UnixFileOwner.Set(temporary, o);
            File.Move(temporary, target, overwrite: true);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException(e.Message, e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
