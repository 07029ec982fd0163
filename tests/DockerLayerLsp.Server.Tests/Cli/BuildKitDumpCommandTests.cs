using static DockerLayerLsp.Server.Tests.Cli.DockerlayerProcess;

namespace DockerLayerLsp.Server.Tests.Cli;

public class BuildKitDumpCommandTests
{
    private static string PositiveCases => Path.Combine(RepoRoot(), "..", "shared", "corpus", "buildkit-parser", "positive");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(PositiveCases))
            foreach (var directory in Directory.GetDirectories(PositiveCases).Order()) data.Add(Path.GetFileName(directory));
        else
            data.Add("(corpus absent)");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Debug_buildkit_dump_prints_buildkits_result_exactly(string name)
    {
        Skip.IfNot(Directory.Exists(PositiveCases), "../shared/corpus is absent: BuildKit conformance not checked");
        var directory = Path.Combine(PositiveCases, name);
        var result = Run(directory, "debug", "buildkit-dump", "Dockerfile");
        Assert.Equal(File.ReadAllText(Path.Combine(directory, "result")), result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }
}
