using static DockerLayerLsp.Analysis.Tests.Support.ExternalTool;
using System.Diagnostics;
using DockerLayerLsp.Analysis.Tests.Support;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>The cargo dependency step's stand-in targets must be the ones Cargo looks for, or <c>cargo fetch</c> fails.</summary>
public class CargoStubTests
{
    private const string Dockerfile = "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n";
    private const string Package = "[package]\nversion = \"0.1.0\"\nedition = \"2021\"\nname = ";

    /// <summary>A workspace with a binary crate, a crate declaring [lib], a library found only by its file, and declared bins.</summary>
    private static readonly string[] Workspace =
    [
        "Cargo.toml => [workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
        $"crates/app/Cargo.toml => {Package}\"app\"\n",
        "crates/app/src/main.rs",
        $"crates/b/Cargo.toml => {Package}\"b\"\n\n[lib]\nname = \"b\"\n",
        "crates/b/src/lib.rs",
        $"crates/c/Cargo.toml => {Package}\"c\"\n",
        "crates/c/src/lib.rs",
        $"crates/d/Cargo.toml => {Package}\"d\"\n\n[lib]\npath = \"lib/d.rs\"\n\n[[bin]]\nname = \"d-cli\"\npath = \"cli/main.rs\"\n\n[[bin]]\nname = \"d-tool\"\n",
        "crates/d/lib/d.rs", "crates/d/cli/main.rs", "crates/d/src/bin/d-tool.rs",
    ];

    /// <summary>A binary with a path dependency, which has one of its own: Cargo reads both manifests and looks for their targets.</summary>
    private static readonly string[] PathDependencies =
    [
        $"Cargo.toml => {Package}\"app\"\n\n[dependencies]\nx = {{ path = \"libs/x\" }}\n",
        "Cargo.lock", "src/main.rs",
        $"libs/x/Cargo.toml => {Package}\"x\"\n\n[dependencies]\ny = {{ path = \"../y\" }}\n",
        "libs/x/src/lib.rs",
        $"libs/y/Cargo.toml => {Package}\"y\"\n",
        "libs/y/src/lib.rs",
    ];

    public static TheoryData<string, string[]> Contexts => new() { { "workspace", Workspace }, { "path dependencies", PathDependencies } };

    [Fact]
    public void Path_dependencies_are_copied_as_manifests_and_their_targets_stubbed()
    {
        var analysis = AnalyzeOnDisk(Dockerfile, PathDependencies);
        var finding = Assert.Single(analysis.Findings);
        Assert.Contains("Copy Cargo.toml, Cargo.lock, libs/x/Cargo.toml, libs/y/Cargo.toml first", finding.Message);
        var fixedText = Fix(analysis, includeUnsafe: true);
        Assert.Contains("COPY Cargo.toml Cargo.lock ./\nCOPY libs/x/Cargo.toml /app/libs/x/\nCOPY libs/y/Cargo.toml /app/libs/y/\n", fixedText);
        Assert.Equal("RUN mkdir -p src libs/x/src libs/y/src && touch src/main.rs libs/x/src/lib.rs libs/y/src/lib.rs && cargo fetch && rm src/main.rs libs/x/src/lib.rs libs/y/src/lib.rs", DependencyStep(analysis));
    }

    [Fact]
    public void A_crate_without_path_dependencies_copies_only_its_own_manifests()
    {
        var fixedText = Fix(AnalyzeOnDisk(Dockerfile, $"Cargo.toml => {Package}\"app\"\n\n[dependencies]\nserde = {{ version = \"1\" }}\n", "Cargo.lock", "src/main.rs", "libs/x/Cargo.toml"), includeUnsafe: true);
        Assert.Contains("COPY Cargo.toml Cargo.lock ./\nRUN mkdir -p src && touch src/main.rs && cargo fetch", fixedText);
        Assert.DoesNotContain("libs/x", fixedText);
    }

    [Fact]
    public void Stubs_follow_the_manifest_and_the_context()
    {
        var step = DependencyStep(AnalyzeOnDisk(Dockerfile, Workspace));
        Assert.Contains("touch crates/app/src/main.rs crates/b/src/lib.rs crates/c/src/lib.rs crates/d/lib/d.rs crates/d/cli/main.rs crates/d/src/bin/d-tool.rs && cargo fetch", step);
        Assert.DoesNotContain("crates/b/src/main.rs", step);
        Assert.DoesNotContain(" src/main.rs", step); // the virtual workspace root has no targets
    }

    [Fact]
    public void A_single_library_crate_gets_src_lib_rs()
    {
        var step = DependencyStep(AnalyzeOnDisk(Dockerfile, $"Cargo.toml => {Package}\"one\"\n", "src/lib.rs"));
        Assert.Equal("RUN mkdir -p src && touch src/lib.rs && cargo fetch && rm src/lib.rs", step);
    }

    [SkippableTheory]
    [MemberData(nameof(Contexts))]
    public void The_stub_step_lets_real_cargo_read_the_project(string name, string[] files)
    {
        Assert.NotNull(name);
        Skip.If(!OnPath("cargo"), "cargo is not installed: the generated stub step is not run against real cargo");
        var analysis = AnalyzeOnDisk(Dockerfile, files);
        Assert.Empty(FixInvariants.Check(analysis));
        var command = DependencyStep(analysis)["RUN ".Length..].Replace("cargo fetch", "cargo fetch --offline && cargo metadata --offline --format-version 1 >/dev/null", StringComparison.Ordinal);

        // What the image holds at that step: the manifests the fix copies, nothing else.
        var directory = Directory.CreateTempSubdirectory("dockerlayer-cargo-");
        try
        {
            foreach (var entry in files.Where(e => e.Contains(" => ", StringComparison.Ordinal)))
            {
                var path = Path.Combine(directory.FullName, entry[..entry.IndexOf(" => ", StringComparison.Ordinal)]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, entry[(entry.IndexOf(" => ", StringComparison.Ordinal) + 4)..]);
            }
            var (exit, output) = Run("sh", ["-c", command], directory.FullName);
            Assert.True(exit == 0, $"`{command}` failed ({exit}):\n{output}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string DependencyStep(DocumentAnalysis analysis)
    {
        var fixedText = Fix(analysis, includeUnsafe: true);
        return Assert.Single(fixedText.Split('\n'), l => l.Contains("cargo fetch", StringComparison.Ordinal));
    }
}
