namespace DockerLayerLsp.Syntax.Tests.Incremental;

/// <summary>The Dockerfiles the incremental properties edit: the real-world corpus and BuildKit's positive parser cases.</summary>
internal static class IncrementalCorpus
{
    public static IReadOnlyList<(string Name, string Text)> Files { get; } = Load();

    private static (string, string)[] Load()
    {
        if (Corpus.Root is null) return [];
        return new[] { "real", Path.Combine("buildkit-parser", "positive") }
            .Select(folder => Path.Combine(Corpus.Root, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Select(directory => Path.Combine(directory, "Dockerfile"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(Corpus.Root, path), Corpus.ReadText(path)))
            .ToArray();
    }
}
