using System.Text.Json;

namespace DockerLayerLsp.Syntax.Tests;

/// <summary>BuildKit's own parser test data: the dump must match byte for byte, the negative cases must fail.</summary>
public class BuildKitCorpusTests
{
    public static IEnumerable<object[]> PositiveCases => Corpus.Cases("buildkit-parser", "positive");

    public static IEnumerable<object[]> NegativeCases => Corpus.Cases("buildkit-parser", "negative");

    [SkippableTheory]
    [MemberData(nameof(PositiveCases))]
    public void Positive_dump_matches_result(string name)
    {
        Skip.If(name == Corpus.Missing, Corpus.SkipReason);
        var input = Corpus.ReadText(Corpus.Path_("buildkit-parser", "positive", name, "Dockerfile"));
        var expected = Corpus.ReadText(Corpus.Path_("buildkit-parser", "positive", name, "result"));

        var tree = SyntaxTree.Parse(input);
        var dump = BuildKitDump.Dump(tree);

        Assert.Equal(expected, dump.Text);
        Assert.Empty(dump.Errors);
        Assert.Equal(input, tree.ToFullString());
    }

    [SkippableTheory]
    [MemberData(nameof(NegativeCases))]
    public void Negative_case_reports_buildkit_error(string name)
    {
        Skip.If(name == Corpus.Missing, Corpus.SkipReason);
        var input = Corpus.ReadText(Corpus.Path_("buildkit-parser", "negative", name, "Dockerfile"));

        var tree = SyntaxTree.Parse(input);
        var dump = BuildKitDump.Dump(tree);

        var expectedMessage = name switch
        {
            "empty_dockerfile" or "only_comments" => "file with no instructions",
            "env_no_value" => "ENV must have two arguments",
            "shykes-nested-json" => "when using JSON array syntax, arrays must be comprised of strings only",
            _ => null,
        };
        Assert.NotEmpty(dump.Errors);
        if (expectedMessage is not null) Assert.Contains(dump.Errors, e => e.Message == expectedMessage);
        Assert.Equal(input, tree.ToFullString());
    }

    [SkippableFact]
    public void Line_numbers_match_buildkit()
    {
        Skip.If(Corpus.Root is null, Corpus.SkipReason);
        var tree = SyntaxTree.Parse(Corpus.ReadText(Corpus.Path_("buildkit-parser", "line", "Dockerfile")));

        var lines = tree.Root.Instructions.Select(i => (i.StartLine + 1, i.EndLine + 1)).ToArray();

        Assert.Equal([(5, 5), (11, 12), (17, 31)], lines);
    }

    [SkippableFact]
    public void Heredoc_cases_match_buildkit()
    {
        Skip.If(Corpus.Root is null, Corpus.SkipReason);
        using var json = JsonDocument.Parse(File.ReadAllText(Corpus.Path_("buildkit-parser", "heredoc-cases.json")));
        var dockerfile = json.RootElement.GetProperty("dockerfile").GetString()!;
        var tree = SyntaxTree.Parse(dockerfile);
        var instructions = tree.Root.Instructions;
        Assert.Equal(dockerfile, tree.ToFullString());

        foreach (var @case in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            var instruction = instructions[@case.GetProperty("instruction_index").GetInt32()];
            var label = @case.GetProperty("instruction").GetString();
            Assert.Equal((label, @case.GetProperty("start_line").GetInt32(), @case.GetProperty("end_line").GetInt32()),
                (label, instruction.StartLine + 1, instruction.EndLine + 1));
            Assert.Equal((label, @case.GetProperty("dump").GetString()), (label, instruction.ToBuildKitDump()));

            var expected = @case.GetProperty("expected_heredocs").EnumerateArray()
                .Select(h => (h.GetProperty("name").GetString(), h.GetProperty("content").GetString(), h.GetProperty("expand").GetBoolean(),
                    h.GetProperty("chomp").GetBoolean(), h.GetProperty("fd").GetInt32()))
                .ToArray();
            var actual = instruction.Heredocs.Select(h => ((string?)h.Name, (string?)h.RawContent, h.Expand, h.Chomp, h.FileDescriptor)).ToArray();
            Assert.Equal(expected, actual);
        }
    }
}
