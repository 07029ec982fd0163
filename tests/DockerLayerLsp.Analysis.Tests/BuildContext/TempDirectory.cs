namespace DockerLayerLsp.Analysis.Tests.BuildContext;

/// <summary>A scratch directory deleted on dispose; paths given to it are '/'-separated and relative.</summary>
internal sealed class TempDirectory : IDisposable
{
    private static readonly EnumerationOptions WalkEverything = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,

        // Never through symlinks: tests create links to outside directories and loops.
        AttributesToSkip = FileAttributes.ReparsePoint,
    };

    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("dll-context-").FullName;
    }

    public string Path { get; }

    public string Full(string relativePath) =>
        System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public TempDirectory File(string relativePath, string content = "")
    {
        var full = Full(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return this;
    }

    public TempDirectory Files(params string[] relativePaths)
    {
        foreach (var path in relativePaths)
        {
            File(path);
        }

        return this;
    }

    public TempDirectory Dir(string relativePath)
    {
        Directory.CreateDirectory(Full(relativePath));
        return this;
    }

    public TempDirectory Symlink(string relativePath, string target)
    {
        var full = Full(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.CreateSymbolicLink(full, target);
        return this;
    }

    public void Dispose()
    {
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(Path, "*", WalkEverything))
            {
                // Restore permissions a test may have removed, so cleanup can descend.
                if (!OperatingSystem.IsWindows())
                {
                    System.IO.File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leaked temp directory must not fail a test.
        }
    }
}
