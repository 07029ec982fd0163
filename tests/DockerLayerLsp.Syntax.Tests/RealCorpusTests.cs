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
