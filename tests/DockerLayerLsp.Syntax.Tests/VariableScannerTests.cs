namespace DockerLayerLsp.Syntax.Tests;

public class VariableScannerTests
{
    [Fact]
    public void Finds_simple_braced_and_modified_references()
    {
        const string text = "$A ${B:-x y} '${C}' \\$D \"$E\" ${F:+${G}} ${H%%.*} $1";
        var refs = VariableScanner.Scan(text);
        Assert.Equal(["A", "B", "E", "F", "G", "H", "1"], refs.Select(r => r.Name));
        var b = refs[1];
        Assert.Equal((":-", "x y", true), (b.Modifier, b.Argument, b.IsBraced));
        Assert.Equal("${B:-x y}", text[b.Span.Start..b.Span.End]);
        Assert.Equal("B", text[b.NameSpan.Start..b.NameSpan.End]);
        Assert.Equal("x y", text[b.ArgumentSpan!.Value.Start..b.ArgumentSpan.Value.End]);
        Assert.Equal((":+", "${G}"), (refs[3].Modifier, refs[3].Argument));
        Assert.Equal("%%", refs[5].Modifier);
        Assert.Null(refs[0].Modifier);
    }

    [Fact]
    public void Honors_the_escape_character()
    {
        Assert.Equal(["B"], VariableScanner.Scan("`$A $B", '`').Select(r => r.Name));
    }

    [Fact]
    public void Unclosed_brace_runs_to_the_end()
    {
        var reference = Assert.Single(VariableScanner.Scan("x ${VAR:-de"));
        Assert.Equal(("VAR", ":-", "de"), (reference.Name, reference.Modifier, reference.Argument));
    }

    [Fact]
    public void Maps_instruction_references_to_source()
    {
        var tree = SyntaxTree.Parse("FROM a\nCOPY --chown=$U ${SRC:-.} \\\n  /app/$DIR\n");
        var copy = tree.Root.Instructions[1];
        var refs = VariableScanner.Scan(copy);
        Assert.Equal(["SRC", "DIR"], refs.Select(r => r.Name));
        Assert.Equal("$DIR", tree.Text.ToString(refs[1].Span));
        Assert.Equal("DIR", tree.Text.ToString(refs[1].NameSpan));
    }
}
