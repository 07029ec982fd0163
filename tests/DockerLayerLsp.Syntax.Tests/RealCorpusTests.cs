namespace DockerLayerLsp.Syntax.Tests;

/// <summary>Real-world Dockerfiles: lossless round trip and the independent port's dump.</summary>
public class RealCorpusTests
{
    public static IEnumerable<object[]> RealCases => Corpus.Cases("real");

    [SkippableTheory]
    [MemberData(nameof(RealCases))]
    public void Round_trips_and_dump_matches_port(string name)
    {
        Skip.If(name == Corpus.Missing, Corpus.SkipReason);
        var input = Corpus.ReadText(Corpus.Path_("real", name, "Dockerfile"));
        var tree = SyntaxTree.Parse(input);
        Assert.Equal(input, tree.ToFullString());
        Assert.Equal(input, string.Concat(tree.Root.Children.Select(c => c.ToFullString())));

        var portDump = Corpus.Path_("real", name, "dump.port.txt");
        Skip.IfNot(File.Exists(portDump), $"{name} has no dump.port.txt");
        Assert.Equal(Corpus.ReadText(portDump), BuildKitDump.Dump(tree).Text);
    }
}

/// <summary>BuildKit's lint test Dockerfiles: they must parse losslessly, and the parser-level facts the checks rely on must hold.</summary>
public class LintCorpusTests
{
    public static IEnumerable<object[]> LintCases()
    {
        var path = Corpus.Root is null ? null : Corpus.Path_("buildkit-lint", "cases.jsonl");
        if (path is null || !File.Exists(path)) return [[Corpus.Missing]];
        return File.ReadLines(path).Select(line => new object[] { line });
    }

    [SkippableTheory]
    [MemberData(nameof(LintCases))]
    public void Lint_case_parses_losslessly(string json)
    {
        Skip.If(json == Corpus.Missing, Corpus.SkipReason);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var dockerfile = document.RootElement.GetProperty("dockerfile").GetString()!;
        var tree = SyntaxTree.Parse(dockerfile);
        RoundTripTests.AssertTreeInvariants(tree, dockerfile);

        foreach (var expected in document.RootElement.GetProperty("expected").EnumerateArray())
        {
            var line = expected.GetProperty("line").GetInt32();
            if (expected.GetProperty("rule").GetString() == "NoEmptyContinuation")
            {
                // BuildKit reports it on the instruction's last line; our warning marks the empty line inside it.
                var instruction = tree.Root.Instructions.Single(i => i.EndLine + 1 == line);
                Assert.Contains(instruction.Diagnostics, d => d.Code == "DLS010");
            }
            else if (line > 0)
            {
                Assert.Contains(tree.Root.Instructions, i => i.StartLine + 1 == line);
            }
        }
    }
}
