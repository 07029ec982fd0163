using System.Text.Json;
using Xunit.Abstractions;

namespace DockerLayerLsp.Analysis.Tests.BuildContext;

using BuildContext = DockerLayerLsp.Analysis.BuildContext.BuildContext;

/// <summary>
/// Every real case in ../shared/corpus/real: its context listing (manifests plus top-level
/// entries) is recreated as empty files with the case's .dockerignore, loaded from disk, and
/// checked for facts that must hold whatever the patterns say.
/// </summary>
public sealed class RealCorpusContextTests(ITestOutputHelper output)
{
    private const string MissingCorpus = "(corpus not found)";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var corpus = CorpusDirectory();
        if (corpus is null)
        {
            data.Add(MissingCorpus);
            return data;
        }

        foreach (var directory in Directory.GetDirectories(corpus).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(directory, "context.txt")))
            {
                data.Add(Path.GetFileName(directory));
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Materialised_context_loads_consistently(string caseName)
    {
        Skip.If(caseName == MissingCorpus, "../shared/corpus/real is not available next to the repository");
        var caseDirectory = Path.Combine(CorpusDirectory()!, caseName);
        var listing = ContextListing.Parse(File.ReadAllText(Path.Combine(caseDirectory, "context.txt")));
        var ignorePath = Path.Combine(caseDirectory, "dockerignore.txt");
        var ignoreText = File.Exists(ignorePath) ? File.ReadAllText(ignorePath) : null;

        using var dir = new TempDirectory();
        var written = Materialise(dir, listing, ignoreText);
        var context = BuildContext.Load(dir.Path);

        Assert.Empty(context.Notes);
        Assert.Equal(ignoreText is null ? null : dir.Full(".dockerignore"), context.DockerignorePath);

        // The disk walk and the in-memory walk see the same context.
        Assert.Equal(BuildContext.FromFiles(dir.Path, written, ignoreText).Files, context.Files);

        // Every listed manifest is in the context exactly when .dockerignore does not exclude it.
        var excluded = new List<string>();
        foreach (var manifest in listing.Manifests)
        {
            var isExcluded = context.IsExcluded(manifest);
            Assert.Equal(!isExcluded, context.Exists(manifest));
            Assert.Equal(!isExcluded, context.Match(manifest).Contains(manifest));
            if (isExcluded)
            {
                excluded.Add(manifest);
            }
        }

        // Files the labelled Dockerfile copies first must survive .dockerignore, or the build fails.
        var copiedFirst = LabelledManifests(caseName).Where(written.Contains).ToList();
        Assert.All(copiedFirst, m => Assert.False(context.IsExcluded(m), $"{m} is copied first by the Dockerfile but excluded"));

        output.WriteLine($"{caseName}: {context.Files.Count}/{written.Count} files sent, {listing.Manifests.Count} manifests, {excluded.Count} excluded by .dockerignore");
        foreach (var manifest in excluded)
        {
            var line = context.Ignore.DecidingPattern(manifest);
            Assert.NotNull(line);
            Assert.False(line.IsException);
            output.WriteLine($"  excluded manifest: {manifest} (.dockerignore line {line.Line}: {line.Text})");
        }
    }

    /// <summary>Creates every listed path as an empty file (a path that is another path's parent becomes a directory).</summary>
    private static List<string> Materialise(TempDirectory dir, ContextListing listing, string? ignoreText)
    {
        var paths = listing.Manifests.Concat(listing.TopLevel).Distinct(StringComparer.Ordinal).ToList();
        var directories = paths
            .SelectMany(p => p.Split('/').SkipLast(1).Select((_, i) => string.Join('/', p.Split('/').Take(i + 1))))
            .ToHashSet(StringComparer.Ordinal);
        var files = paths.Where(p => !directories.Contains(p) && p != ".dockerignore").ToList();
        foreach (var file in files)
        {
            dir.File(file);
        }

        if (ignoreText is not null)
        {
            dir.File(".dockerignore", ignoreText);
            files.Add(".dockerignore");
        }

        return files;
    }

    private static IEnumerable<string> LabelledManifests(string caseName)
    {
        var labels = Path.Combine(CorpusDirectory()!, "labels.jsonl");
        if (!File.Exists(labels))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(labels))
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.GetProperty("case").GetString() != caseName
                || !json.RootElement.TryGetProperty("cache_bust", out var bust) || bust.GetBoolean()
                || !json.RootElement.TryGetProperty("manifests_to_copy_first", out var manifests))
            {
                continue;
            }

            foreach (var manifest in manifests.EnumerateArray())
            {
                yield return manifest.GetString()!;
            }
        }
    }

    private static string? CorpusDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DockerLayerLsp.sln")))
            {
                var corpus = Path.Combine(directory.FullName, "..", "shared", "corpus", "real");
                return Directory.Exists(corpus) ? Path.GetFullPath(corpus) : null;
            }
        }

        return null;
    }

    /// <summary>context.txt: "key: value" header, then '#'-titled sections of manifests and top-level entries.</summary>
    private sealed record ContextListing(List<string> Manifests, List<string> TopLevel)
    {
        public static ContextListing Parse(string text)
        {
            var manifests = new List<string>();
            var topLevel = new List<string>();
            List<string>? section = null;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line.StartsWith('#'))
                {
                    section = line.Contains("top-level", StringComparison.Ordinal) ? topLevel
                        : line.Contains("manifests", StringComparison.Ordinal) ? manifests
                        : null;
                }
                else if (section is not null && line.Trim().Length > 0)
                {
                    section.Add(line.Trim());
                }
            }

            return new ContextListing(manifests, topLevel);
        }
    }
}
