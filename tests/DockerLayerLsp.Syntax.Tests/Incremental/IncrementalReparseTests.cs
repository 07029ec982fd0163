using static DockerLayerLsp.Syntax.Tests.Incremental.TreeEquivalence;

namespace DockerLayerLsp.Syntax.Tests.Incremental;

/// <summary>What an edit reparses and what it reuses, on small texts where the answer is known.</summary>
public class IncrementalReparseTests
{
    private const string ThreeStages = """
        # syntax=docker/dockerfile:1
        FROM golang:1.23 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN go build -o /bin/app .

        FROM alpine AS tools
        RUN apk add --no-cache curl

        FROM scratch
        COPY --from=build /bin/app /app
        ENTRYPOINT ["/app"]

        """;

    private static TextChange Insert(string text, string anchor, string insert, int after = 0)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, anchor);
        return new TextChange(new TextSpan(at + after, 0), insert);
    }

    private static TextChange Replace(string text, string anchor, string replacement)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, anchor);
        return new TextChange(new TextSpan(at, anchor.Length), replacement);
    }

    [Fact]
    public void Typing_in_a_run_reparses_it_and_its_neighbours_and_shares_every_other_node()
    {
        var tree = SyntaxTree.Parse(ThreeStages);
        var (edited, info) = Edit(tree, Insert(ThreeStages, "apk add", "x", after: 7));

        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
        Assert.False(info.IsFull);
        Assert.Equal(3, info.ReparsedChildren); // the RUN, the FROM above it, the blank line below
        Assert.Equal(tree.Result.Root.Children.Count - 3, SharedGreenChildren(tree, edited));

        var oldInstructions = tree.Root.Instructions;
        var reparsed = edited.Root.Instructions.Where((instruction, i) => !ReferenceEquals(instruction.Green, oldInstructions[i].Green));
        Assert.Equal(["FROM alpine AS tools", "RUN apk addx --no-cache curl"], reparsed.Select(i => i.ToString()));
    }

    [Fact]
    public void Nodes_after_the_edit_are_shared_with_shifted_positions()
    {
        var tree = SyntaxTree.Parse(ThreeStages);
        var (edited, _) = Edit(tree, Insert(ThreeStages, "WORKDIR /src", "/deeper", after: 12));
        var oldEntry = tree.Root.Instructions[^1];
        var newEntry = edited.Root.Instructions[^1];
        Assert.Same(oldEntry.Green, newEntry.Green);
        Assert.Equal(oldEntry.Span.Start + 7, newEntry.Span.Start);
        Assert.Equal(oldEntry.ExecArguments![0].Span.Start + 7, newEntry.ExecArguments![0].Span.Start);
    }

    [Fact]
    public void Changing_a_directive_reparses_everything()
    {
        const string text = "# escape=\\\nFROM a\nRUN echo `\n  b\n";
        var tree = SyntaxTree.Parse(text);
        var (edited, info) = Edit(tree, Replace(text, "\\\n", "`\n"));
        Assert.True(info.IsFull);
        Assert.Equal('`', edited.EscapeChar);
        Assert.Equal(0, SharedGreenChildren(tree, edited));
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
        Assert.Equal(2, edited.Root.Instructions.Count); // the backtick now joins "b" to the RUN
    }

    [Fact]
    public void Removing_a_trailing_escape_splits_the_instruction()
    {
        const string text = "FROM a\nRUN one \\\n  two \\\n  three\nRUN four\nRUN five\n";
        var tree = SyntaxTree.Parse(text);
        var (edited, info) = Edit(tree, Replace(text, "two \\", "two"));
        Assert.False(info.IsFull);
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
        Assert.Equal(["FROM", "RUN", "three", "RUN", "RUN"], edited.Root.Instructions.Select(i => i.Keyword));
    }

    [Fact]
    public void Adding_a_trailing_escape_joins_the_next_lines()
    {
        const string text = "FROM a\nRUN one\nRUN two\n# note\nRUN three\nRUN four\n";
        var tree = SyntaxTree.Parse(text);
        var (edited, _) = Edit(tree, Insert(text, "RUN one", " \\", after: 7));
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
        Assert.Equal(4, edited.Root.Instructions.Count);
    }

    [Fact]
    public void Opening_a_heredoc_takes_the_following_lines_until_its_terminator()
    {
        var text = "FROM a\nRUN cat\nRUN one\nRUN two\nRUN three\nRUN four\nRUN five\nRUN six\nRUN seven\nEOF\n" + string.Concat(Enumerable.Repeat("RUN later\n", 20));
        var tree = SyntaxTree.Parse(text);
        var (edited, info) = Edit(tree, Insert(text, "RUN cat", " <<EOF", after: 7));
        Assert.False(info.IsFull);
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
        Assert.Equal(22, edited.Root.Instructions.Count);
        Assert.Equal("one\ntwo\nthree\nfour\nfive\nsix\nseven\n", edited.Root.Instructions[1].Heredocs[0].Content.Replace("RUN ", ""));
        Assert.Same(tree.Root.Instructions[^1].Green, edited.Root.Instructions[^1].Green);
    }

    [Fact]
    public void Renaming_a_heredoc_terminator_releases_or_takes_lines()
    {
        const string text = "FROM a\nRUN <<EOF\necho hi\nEOF\nRUN b\nRUN c\nEOG\nRUN d\n";
        var tree = SyntaxTree.Parse(text);
        var (renamed, _) = Edit(tree, Replace(text, "<<EOF", "<<EOG"));
        AssertEquivalent(SyntaxTree.Parse(renamed.Text.ToString()), renamed);
        Assert.Equal(3, renamed.Root.Instructions.Count);

        var (back, _) = Edit(renamed, Replace(renamed.Text.ToString(), "<<EOG", "<<EOF"));
        AssertEquivalent(SyntaxTree.Parse(text), back);
    }

    [Fact]
    public void Editing_at_the_end_of_a_file_without_a_final_newline()
    {
        const string text = "FROM a\nRUN b\nRUN c";
        var tree = SyntaxTree.Parse(text);
        var (edited, _) = Edit(tree, new TextChange(new TextSpan(text.Length, 0), " \\"));
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
        var (more, _) = Edit(edited, new TextChange(new TextSpan(edited.Text.Length, 0), "\n d\n"));
        AssertEquivalent(SyntaxTree.Parse(more.Text.ToString()), more);
    }

    [Fact]
    public void Several_changes_in_one_edit()
    {
        var tree = SyntaxTree.Parse(ThreeStages);
        var (edited, _) = Edit(tree, Insert(ThreeStages, "WORKDIR", "# moved\n"), Replace(ThreeStages, "apk add", "apk    add"), Insert(ThreeStages, "ENTRYPOINT", "USER 1000\n"));
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
    }

    [Fact]
    public void The_public_WithChanges_is_incremental()
    {
        var tree = SyntaxTree.Parse(ThreeStages);
        var edited = tree.WithChanges(Insert(ThreeStages, "apk add", "x", after: 7));
        Assert.Same(tree.Root.Instructions[0].Green, edited.Root.Instructions[0].Green);
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
    }

    [Fact]
    public void A_long_line_diagnostic_follows_its_line()
    {
        var text = "FROM a\nRUN b\nRUN " + new string('x', 70_000) + "\nRUN c\n";
        var tree = SyntaxTree.Parse(text);
        var (edited, _) = Edit(tree, new TextChange(new TextSpan(text.IndexOf("RUN b", StringComparison.Ordinal) + 5, 0), " more"));
        AssertEquivalent(SyntaxTree.Parse(edited.Text.ToString()), edited);
        var (shortened, _) = Edit(edited, new TextChange(new TextSpan(edited.Text.ToString().IndexOf('x'), 10_000), ""));
        AssertEquivalent(SyntaxTree.Parse(shortened.Text.ToString()), shortened);
    }
}
