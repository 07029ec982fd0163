using DockerLayerLsp.Analysis.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.BuildContext;

using BuildContext = DockerLayerLsp.Analysis.BuildContext.BuildContext;

/// <summary>The query API over an in-memory context (no disk).</summary>
public sealed class BuildContextTests
{
    private static readonly string[] Tree =
    [
        "Dockerfile",
        "go.mod",
        "go.sum",
        "package.json",
        "tsconfig.json",
        "README.md",
        "cmd/tool/main.go",
        "src/main.go",
        "src/util.go",
        "src/notes.txt",
        "src/deep/inner.go",
        "pkg-a/package.json",
        "pkg-b/package.json",
        "packages/web/package.json",
        "packages/web/src/app.ts",
        "node_modules/left-pad/package.json",
        "docs/guide.md",
        "docs/keep.md",
    ];

    private const string Ignore = "node_modules\ndocs\n!docs/keep.md\n**/*.txt\n";

    private static BuildContext Context() => BuildContext.FromFiles("/work/app", Tree, Ignore);

    [Fact]
    public void Files_are_the_included_ones_sorted_ordinal()
    {
        var files = Context().Files;

        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.DoesNotContain("node_modules/left-pad/package.json", files);
        Assert.DoesNotContain("docs/guide.md", files);
        Assert.DoesNotContain("src/notes.txt", files);
        Assert.Contains("docs/keep.md", files);
        Assert.Equal(Tree.Length - 3, files.Count);
    }

    [Theory]
    [InlineData("go.mod", true)]
    [InlineData("./go.mod", true)]
    [InlineData("/go.mod", true)]
    [InlineData("../go.mod", true)]
    [InlineData("src//main.go", true)]
    [InlineData("src", false)]
    [InlineData("missing.txt", false)]
    [InlineData("src/notes.txt", false)]
    [InlineData("node_modules/left-pad/package.json", false)]
    [InlineData("docs/keep.md", true)]
    public void Exists_means_present_and_not_excluded(string path, bool exists) =>
        Assert.Equal(exists, Context().Exists(path));

    [Fact]
    public void IsExcluded_answers_for_paths_that_do_not_exist()
    {
        var context = Context();

        Assert.True(context.IsExcluded("node_modules/anything"));
        Assert.True(context.IsExcluded("new.txt"));
        Assert.False(context.IsExcluded("new.go"));
    }

    [Theory]
    [InlineData(".", "*")]
    [InlineData("/", "*")]
    [InlineData("go.mod", "go.mod")]
    [InlineData("./go.mod", "go.mod")]
    [InlineData("src", "src/deep/inner.go src/main.go src/util.go")]
    [InlineData("src/", "src/deep/inner.go src/main.go src/util.go")]
    [InlineData("src/*.go", "src/main.go src/util.go")]
    [InlineData("*.json", "package.json tsconfig.json")]
    [InlineData("go.*", "go.mod go.sum")]
    [InlineData("*/package.json", "pkg-a/package.json pkg-b/package.json")]
    [InlineData("pkg-?/package.json", "pkg-a/package.json pkg-b/package.json")]
    [InlineData("pkg-[a]/*", "pkg-a/package.json")]
    [InlineData("packages/*/package.json", "packages/web/package.json")]
    [InlineData("pack*", "package.json packages/web/package.json packages/web/src/app.ts")]
    [InlineData("*/*/main.go", "cmd/tool/main.go")]
    // Without --parents, "**" is two stars inside one element: it does not cross '/'.
    [InlineData("**/package.json", "pkg-a/package.json pkg-b/package.json")]
    [InlineData("docs", "docs/keep.md")]
    [InlineData("node_modules", "")]
    [InlineData("missing", "")]
    [InlineData("[", "")]
    public void Match_resolves_COPY_sources(string source, string expected) =>
        CheckMatch(Context(), source, parents: false, expected);

    [Theory]
    [InlineData("**/package.json", "package.json packages/web/package.json pkg-a/package.json pkg-b/package.json")]
    [InlineData("packages/**/*.ts", "packages/web/src/app.ts")]
    [InlineData("src", "src/deep/inner.go src/main.go src/util.go")]
    [InlineData("./*/package.json", "pkg-a/package.json pkg-b/package.json")]
    public void Match_with_parents_uses_include_patterns(string source, string expected) =>
        CheckMatch(Context(), source, parents: true, expected);

    [Theory]
    [InlineData("src", true)]
    [InlineData("./src/", true)]
    [InlineData("src/deep", true)]
    [InlineData("docs", true)]
    [InlineData("node_modules", false)]
    [InlineData("missing", false)]
    [InlineData("", true)]
    [InlineData(".", true)]
    public void DirectoryHasIncludedFiles(string directory, bool expected) =>
        Assert.Equal(expected, Context().DirectoryHasIncludedFiles(directory));

    [Fact]
    public void Git_directory_is_never_listed_but_is_known_to_be_sent()
    {
        var sent = BuildContext.FromFiles("/r", [".git/HEAD", ".git/objects/ab/cdef", "main.go"]);
        var ignored = BuildContext.FromFiles("/r", [".git/HEAD", "main.go"], ".git\n");

        Assert.Equal(["main.go"], sent.Files);
        Assert.Equal([".git"], sent.UnenumeratedDirectories);
        Assert.True(sent.DirectoryHasIncludedFiles(".git"));
        Assert.Contains(sent.Notes, n => n.Contains("'.git'"));
        Assert.Empty(ignored.UnenumeratedDirectories);
        Assert.Empty(ignored.Notes);
    }

    [Fact]
    public void Paths_outside_the_root_are_dropped_with_a_note()
    {
        var context = BuildContext.FromFiles("/r", ["../etc/passwd", "/ok.txt", "./a/../b.txt", "."]);

        Assert.Equal(["b.txt", "ok.txt"], context.Files);
        Assert.Equal(2, context.Notes.Count);
    }

    [Fact]
    public void Invalid_dockerignore_lines_surface_as_notes()
    {
        var context = BuildContext.FromFiles("/r", ["a.log", "b.txt"], "*.log\n[\n");

        Assert.Equal(["b.txt"], context.Files);
        Assert.Contains(context.Notes, n => n.Contains("line 2") && n.Contains(".dockerignore"));
    }

    [Fact]
    public void In_memory_contexts_never_read_disk() =>
        Assert.Null(BuildContext.FromFiles("/etc", ["passwd"]).ReadAllText("passwd"));

    [Fact]
    public void ManifestFingerprint_is_stable_and_tracks_presence()
    {
        var names = new[] { "go.mod", "go.sum", "package-lock.json", "*.csproj" };
        var before = BuildContext.FromFiles("/r", ["go.mod", "main.go"]);
        var sourceEdited = BuildContext.FromFiles("/r", ["go.mod", "main.go", "util.go"]);
        var lockAdded = BuildContext.FromFiles("/r", ["go.mod", "main.go", "package-lock.json"]);
        var projectAdded = BuildContext.FromFiles("/r", ["go.mod", "main.go", "app.csproj"]);
        var lockIgnored = BuildContext.FromFiles("/r", ["go.mod", "main.go", "package-lock.json"], "package-lock.json");

        var fingerprint = before.ManifestFingerprint(names);
        Assert.Matches("^[0-9a-f]{32}$", fingerprint);
        Assert.Equal(fingerprint, before.ManifestFingerprint(names.Reverse().Append("./go.mod")));
        Assert.Equal(fingerprint, sourceEdited.ManifestFingerprint(names));
        Assert.Equal(fingerprint, lockIgnored.ManifestFingerprint(names));
        Assert.NotEqual(fingerprint, lockAdded.ManifestFingerprint(names));
        Assert.NotEqual(fingerprint, projectAdded.ManifestFingerprint(names));
    }

    private static void CheckMatch(BuildContext context, string source, bool parents, string expected)
    {
        var want = expected == "*" ? context.Files.ToArray() : expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(want.Order(StringComparer.Ordinal), context.Match(source, parents).Order(StringComparer.Ordinal));
    }
}
