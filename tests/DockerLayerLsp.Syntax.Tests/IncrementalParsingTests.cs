namespace DockerLayerLsp.Syntax.Tests;

/// <summary>
/// WithChanges on structural edits (continuations, heredoc terminators, directives) must give exactly what a full parse gives,
/// while sharing green nodes outside the edit. Random edits are covered by Incremental/IncrementalEquivalenceProperties.
/// </summary>
public class IncrementalParsingTests
{
    private const string Sample =
        "# syntax=docker/dockerfile:1\nFROM node:20 AS build\nWORKDIR /app\n# deps\nCOPY package.json ./\nRUN npm ci \\\n  && npm cache clean\n" +
        "COPY . .\nRUN <<EOF\nnpm run build\nEOF\n\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n";

    [Fact]
    public void Local_edit_reuses_the_other_instructions()
    {
        var tree = SyntaxTree.Parse(Sample);
        var offset = Sample.IndexOf("npm ci", StringComparison.Ordinal);
        var changed = tree.WithChanges(new TextChange(new TextSpan(offset, 6), "npm install"));

        AssertSameAsFullParse(changed);
        var oldGreen = tree.Root.Instructions.Select(i => i.Green).ToList();
        var reused = changed.Root.Instructions.Count(i => oldGreen.Contains(i.Green));
        Assert.True(reused >= changed.Root.Instructions.Count - 3, $"only {reused} instructions reused"); // the edited RUN and its neighbours may be reparsed
    }

    [Theory]
    [InlineData("RUN npm ci \\\n", "RUN npm ci\n")]          // removing a continuation splits lines off
    [InlineData("RUN npm ci \\\n", "RUN npm ci \\\n\\\n")]
    [InlineData("EOF\n", "EOX\n")]                           // breaking a heredoc terminator swallows the rest
    [InlineData("RUN <<EOF\n", "RUN <<EOF <<EOG\n")]
    [InlineData("# deps\n", "# escape=`\n")]                 // not a directive any more: after a non-directive line
    [InlineData("# syntax=docker/dockerfile:1\n", "# escape=`\n")]
    [InlineData("FROM node:20 AS build\n", "# escape=`\nFROM x\n")]
    [InlineData("\nFROM nginx", "\n\\\nFROM nginx")]
    [InlineData("/usr/share/nginx/html\n", "/usr/share/nginx/html \\")]
    public void Structural_edits_equal_a_full_parse(string oldText, string newText)
    {
        var tree = SyntaxTree.Parse(Sample);
        var offset = Sample.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(offset >= 0);
        AssertSameAsFullParse(tree.WithChanges(new TextChange(new TextSpan(offset, oldText.Length), newText)));
    }

    private static void AssertSameAsFullParse(SyntaxTree incremental)
    {
        var text = incremental.Text.ToString();
        var full = SyntaxTree.Parse(text);
        Assert.Equal(text, incremental.ToFullString());
        Assert.Equal(Describe(full), Describe(incremental));
        Assert.Equal(BuildKitDump.Dump(full).Text, BuildKitDump.Dump(incremental).Text);
        Assert.Equal(full.Diagnostics, incremental.Diagnostics);
        Assert.Equal(full.Directives, incremental.Directives);
        Assert.Equal(full.EscapeChar, incremental.EscapeChar);
        Assert.Equal(
            full.Root.Instructions.Select(i => (i.Span, i.StartLine, i.EndLine, i.ArgumentText, i.Heredocs.Count)),
            incremental.Root.Instructions.Select(i => (i.Span, i.StartLine, i.EndLine, i.ArgumentText, i.Heredocs.Count)));
    }

    private static string Describe(SyntaxTree tree) =>
        string.Join("|", tree.Root.Children.Select(c => $"{c.GetType().Name}:{c.FullSpan}"));
}
