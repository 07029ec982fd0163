using FsCheck;
using FsCheck.Xunit;
using static DockerLayerLsp.Syntax.Tests.Incremental.TreeEquivalence;

namespace DockerLayerLsp.Syntax.Tests.Incremental;

/// <summary>
/// For random edit sequences over the corpus, every incremental tree equals the full parse of the same text:
/// text, children and their spans, every instruction fact, the BuildKit dump and the diagnostics.
/// </summary>
public class IncrementalEquivalenceProperties
{
    /// <summary>What gets typed: fragments that move instruction boundaries (escapes, line breaks, heredocs, comments, directives) and ordinary characters.</summary>
    private static readonly string[] Fragments =
    [
        "", "a", " ", "\n", "\\", "\\\n", " \\\n", "`", "`\n", "#", "# note\n", "\n\n", "\r\n", "\t", "\"", "'", "=", "$", "{", "}",
        "RUN x ", "RUN <<EOF\n", "EOF\n", "EOF", "<<EOF", "<<-EOT\n", "\tEOT\n", "COPY <<X /y\n", "X\n", "ONBUILD ", "FROM a AS b\n",
        "[\"a\", \"b\"]", "[", "]", "--mount=type=cache,target=/x ", "ENV a=b \\\n", "ARG V=1\n", "# escape=`\n", "# syntax=x\n", "\uFEFF",
    ];

    [Property(MaxTest = 300)]
    public void Incremental_trees_equal_full_parses(NonNegativeInt file, uint[] script)
    {
        var files = IncrementalCorpus.Files;
        if (files.Count == 0) return;
        var (name, text) = files[file.Get % files.Count];
        var tree = SyntaxTree.Parse(text);
        for (var step = 0; step < script.Length; step++)
        {
            var op = script[step];
            var length = tree.Text.Length;
            var start = (int)(op % (uint)(length + 1));
            var deleted = (int)(op / 7919 % 9);
            var fragment = Fragments[(int)(op / 104729 % (uint)Fragments.Length)];
            var change = new TextChange(new TextSpan(start, Math.Min(deleted, length - start)), fragment);
            tree = tree.WithChanges(change);
            AssertEquivalent(SyntaxTree.Parse(tree.Text.ToString()), tree, $"{name} after step {step} ({change})");
        }
    }

    [Property(MaxTest = 100)]
    public void Multi_change_edits_equal_full_parses(NonNegativeInt file, uint[] starts, byte fragment)
    {
        var files = IncrementalCorpus.Files;
        if (files.Count == 0) return;
        var (name, text) = files[file.Get % files.Count];
        var tree = SyntaxTree.Parse(text);
        var changes = starts.Select(s => (int)(s % (uint)(text.Length + 1))).Distinct().Order()
            .Select(s => new TextChange(new TextSpan(s, 0), Fragments[fragment % Fragments.Length])).ToArray();
        var edited = tree.WithChanges(changes);
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited, name);
    }

    [SkippableFact]
    public void Every_corpus_file_is_found()
    {
        Skip.If(Corpus.Root is null, Corpus.SkipReason);
        Assert.True(IncrementalCorpus.Files.Count >= 70, $"{IncrementalCorpus.Files.Count} files");
    }
}
