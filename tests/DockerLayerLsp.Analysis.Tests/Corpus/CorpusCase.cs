using System.Text.Json;
using DockerLayerLsp.Analysis.Tests.Support;

namespace DockerLayerLsp.Analysis.Tests.Corpus;

/// <summary>One labelled Dockerfile of ../shared/corpus/real, with its build context materialised on disk.</summary>
internal sealed record CorpusCase(string Name, string Dockerfile, bool CacheBust, int? BroadCopyLine, int? InstallLine, string Ecosystem, string Notes, bool Unsure)
{
    public static string? CorpusDirectory()
    {
        var directory = Path.GetFullPath(Path.Combine(AnalysisHarness.RepoRoot(), "..", "shared", "corpus", "real"));
        return File.Exists(Path.Combine(directory, "labels.jsonl")) ? directory : null;
    }

    public static IReadOnlyList<CorpusCase> Load(string corpusDirectory)
    {
        var cases = new List<CorpusCase>();
        foreach (var line in File.ReadLines(Path.Combine(corpusDirectory, "labels.jsonl")).Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var name = root.GetProperty("case").GetString()!;
            cases.Add(new CorpusCase(
                name,
                File.ReadAllText(Path.Combine(corpusDirectory, name, "Dockerfile")),
                root.GetProperty("cache_bust").GetBoolean(),
                OptionalInt(root, "broad_copy_line"),
                OptionalInt(root, "install_line"),
                root.GetProperty("ecosystem").GetString() ?? "",
                root.GetProperty("notes").GetString() ?? "",
                root.TryGetProperty("unsure", out var unsure) && unsure.ValueKind == JsonValueKind.True));
        }
        return cases;
    }

    private static int? OptionalInt(JsonElement root, string property)
        => root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    /// <summary>Extension-less top-level names that are files, not folders.</summary>
    private static readonly HashSet<string> ExtensionlessFiles = new(StringComparer.Ordinal)
    {
        "Makefile", "LICENSE", "NOTICE", "AUTHORS", "CODEOWNERS", "VERSION", "Dockerfile", "Vagrantfile", "Procfile", "Gemfile",
        "Rakefile", "Jenkinsfile", "Brewfile", "Justfile", "Pipfile", "Caddyfile", "Tiltfile", "Earthfile", "COPYING", "PATENTS",
        "gradlew", "mvnw", "CHANGELOG", "README", "CONTRIBUTORS", "MAINTAINERS", "Guardfile", "Capfile", "Taskfile",
    };

    private static readonly HashSet<string> DotDirectories = new(StringComparer.Ordinal)
    {
        ".github", ".git", ".vscode", ".devcontainer", ".husky", ".yarn", ".mvn", ".cargo", ".circleci", ".config", ".idea",
        ".changeset", ".storybook", ".gitlab", ".claude", ".codesandbox", ".vs", ".docker", ".bundle", ".buildkite", ".ci", ".tx",
    };

    /// <summary>
    /// Writes the context listing as empty files (manifests at their paths; top-level folders get one
    /// source file), the case's .dockerignore, then this test project's fixtures for the case, whose
    /// content matters (project references, workspaces, vendored modules).
    /// </summary>
    public string Materialise(string corpusDirectory)
    {
        var root = Path.Combine(Path.GetTempPath(), "dockerlayer-corpus", Name);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        var manifests = new List<string>();
        var entries = new List<string>();
        List<string>? section = null;
        foreach (var line in File.ReadLines(Path.Combine(corpusDirectory, Name, "context.txt")))
        {
            if (line.StartsWith("# dependency manifests", StringComparison.Ordinal)) { section = manifests; continue; }
            if (line.StartsWith("# top-level entries", StringComparison.Ordinal)) { section = entries; continue; }
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            section?.Add(line.Trim());
        }
        foreach (var manifest in manifests) Touch(root, manifest, "");
        foreach (var entry in entries)
        {
            var isDirectory = manifests.Any(m => m.StartsWith(entry + "/", StringComparison.Ordinal))
                              || (entry.StartsWith('.') ? DotDirectories.Contains(entry) : !entry.Contains('.') && !ExtensionlessFiles.Contains(entry));
            if (isDirectory) Touch(root, entry + "/source.placeholder", "");
            else if (!manifests.Contains(entry)) Touch(root, entry, "");
        }
        var ignore = Path.Combine(corpusDirectory, Name, "dockerignore.txt");
        if (File.Exists(ignore)) File.Copy(ignore, Path.Combine(root, ".dockerignore"), overwrite: true);
        var fixtures = Path.Combine(AnalysisHarness.RepoRoot(), "tests", "DockerLayerLsp.Analysis.Tests", "Corpus", "Fixtures", Name);
        if (Directory.Exists(fixtures))
        {
            foreach (var file in Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories))
                Touch(root, Path.GetRelativePath(fixtures, file).Replace('\\', '/'), File.ReadAllText(file));
        }
        return root;
    }

    private static void Touch(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
