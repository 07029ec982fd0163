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

    [SkippableFact]
    public void The_stub_step_lets_real_cargo_read_the_workspace()
    {
        Skip.If(!OnPath("cargo"), "cargo is not installed: the generated stub step is not run against real cargo");
        var analysis = AnalyzeOnDisk(Dockerfile, Workspace);
        Assert.Empty(FixInvariants.Check(analysis));
        var command = DependencyStep(analysis)["RUN ".Length..].Replace("cargo fetch", "cargo fetch --offline && cargo metadata --offline --format-version 1 >/dev/null", StringComparison.Ordinal);

        // What the image holds at that step: the manifests the fix copies, nothing else.
        var directory = Directory.CreateTempSubdirectory("dockerlayer-cargo-");
        try
        {
            foreach (var entry in Workspace.Where(e => e.Contains(" => ", StringComparison.Ordinal)))
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

    private static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program)));

    private static (int Exit, string Output) Run(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
