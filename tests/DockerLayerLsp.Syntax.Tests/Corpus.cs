using System.Text;

namespace DockerLayerLsp.Syntax.Tests;

/// <summary>Locates the shared corpus (../shared/corpus next to the repository root) without copying it.</summary>
internal static class Corpus
{
    public const string Missing = "(corpus missing)";

    public static string? RepoRoot { get; } = FindRepoRoot();

    public static string? Root
    {
        get
        {
            if (RepoRoot is null) return null;
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string SkipReason => $"shared corpus not found at <repo>/../shared/corpus (repo root: {RepoRoot ?? "not found"})";

    public static string Path_(params string[] parts) => Path.Combine([Root!, .. parts]);

    /// <summary>Sub-directory names of a corpus folder, or a single <see cref="Missing"/> row so the theory reports a skip.</summary>
    public static IEnumerable<object[]> Cases(params string[] folder)
    {
        if (Root is null || !Directory.Exists(Path.Combine([Root, .. folder])))
        {
            return [[Missing]];
        }
        return Directory.GetDirectories(Path.Combine([Root, .. folder]))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { name! });
    }

    /// <summary>Reads a file as UTF-8 text, keeping a BOM as U+FEFF so the parser sees every byte.</summary>
    public static string ReadText(string path) => new UTF8Encoding(false, false).GetString(File.ReadAllBytes(path));

    private static string? FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DockerLayerLsp.sln"))) return directory.FullName;
            directory = directory.Parent;
        }
        return null;
    }
}
