namespace DockerLayerLsp.Syntax.Tests;

public class DirectiveTests
{
    [Fact]
    public void Escape_directive_changes_continuations()
    {
        var tree = SyntaxTree.Parse("# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN x `\n  y\nCOPY a\\b c\n");
        Assert.Equal('`', tree.EscapeChar);
        Assert.Equal(["syntax", "escape"], tree.Directives.Select(d => d.Name));
        Assert.Equal("docker/dockerfile:1", tree.Directives[0].Value);
        Assert.Equal("docker/dockerfile:1", tree.Text.ToString(tree.Directives[0].ValueSpan));
        Assert.Equal("x   y", tree.Root.Instructions[1].ArgumentText);
        Assert.Equal(["a\\b", "c"], tree.Root.Instructions[2].Words.Select(w => w.Value));
        Assert.Empty(tree.Diagnostics);
    }

    [Fact]
    public void Directive_after_a_comment_is_a_comment()
    {
        var tree = SyntaxTree.Parse("# hello\n# escape=`\nFROM a\n");
        Assert.Equal('\\', tree.EscapeChar);
        Assert.Empty(tree.Directives);
        Assert.All(tree.Root.Children.Take(2), c => Assert.IsType<CommentSyntax>(c));
    }

    [Fact]
    public void Bad_and_repeated_directives_are_buildkit_errors()
    {
        var tree = SyntaxTree.Parse("# escape=x\n# ESCAPE=\\\n# escape=`\nFROM a\n");
        Assert.Equal(
            ["invalid escape token 'x' does not match ` or \\", "only one escape parser directive can be used", "only one escape parser directive can be used"],
            BuildKitDump.Dump(tree).Errors.Select(e => e.Message));
        Assert.Equal("x", tree.Text.ToString(tree.Diagnostics[0].Span));
    }

    [Fact]
    public void Bom_is_skipped_for_directives_and_kept_in_the_text()
    {
        const string text = "\uFEFF# escape=`\nFROM a\n";
        var tree = SyntaxTree.Parse(text);
        Assert.Equal('`', tree.EscapeChar);
        Assert.Equal(text, tree.ToFullString());
        Assert.Equal(0, tree.Root.Children[0].FullSpan.Start);
    }

    [Fact]
    public void Empty_and_comment_only_files_have_no_instructions()
    {
        foreach (var text in new[] { "", "\n\n", "# a\n# b\n", "# syntax=x\n" })
        {
            var tree = SyntaxTree.Parse(text);
            Assert.Equal("file with no instructions", Assert.Single(BuildKitDump.Dump(tree).Errors).Message);
            Assert.Equal(text, tree.ToFullString());
        }
    }
}
