namespace DockerLayerLsp.Syntax.Tests;

public class SourceTextTests
{
    [Fact]
    public void Lines_break_at_lf_crlf_and_lone_cr()
    {
        var text = SourceText.From("a\nb\r\nc\rd");
        Assert.Equal(4, text.LineCount);
        Assert.Equal([0, 2, 5, 7], Enumerable.Range(0, 4).Select(text.GetLineStart));
        Assert.Equal(new TextSpan(2, 1), text.GetLineSpan(1));
        Assert.Equal(new TextSpan(2, 3), text.GetLineSpanIncludingBreak(1));
        Assert.Equal(new LinePosition(2, 0), text.GetLinePosition(5));
        Assert.Equal(new LinePosition(3, 1), text.GetLinePosition(8));
        Assert.Equal(1, SourceText.From("").LineCount);
        Assert.Equal(2, SourceText.From("x\n").LineCount);
    }

    [Fact]
    public void Offsets_clamp_instead_of_throwing()
    {
        var text = SourceText.From("ab\ncd");
        Assert.Equal(2, text.GetOffset(new LinePosition(0, 99)));
        Assert.Equal(5, text.GetOffset(new LinePosition(7, 0)));
        Assert.Equal(0, text.GetOffset(new LinePosition(-1, 3)));
        Assert.Equal(new LinePosition(1, 2), text.GetLinePosition(99));
        Assert.Equal("d", text.ToString(new TextSpan(4, 10)));
    }

    [Fact]
    public void Utf8_columns()
    {
        var text = SourceText.From("x\n\u00e9\U0001F600z");
        Assert.Equal(0, text.GetUtf8Character(2));
        Assert.Equal(2, text.GetUtf8Character(3));
        Assert.Equal(6, text.GetUtf8Character(5));
        Assert.Equal(5, text.GetOffsetFromUtf8(1, 6));
        Assert.Equal(3, text.GetOffsetFromUtf8(1, 3)); // inside the emoji: snaps to its start
        Assert.Equal(6, text.GetOffsetFromUtf8(1, 100));
    }

    [Fact]
    public void Changes_apply_in_original_coordinates()
    {
        var text = SourceText.From("FROM a\nRUN b\n");
        var changed = text.WithChanges([new TextChange(new TextSpan(11, 1), "c"), new TextChange(new TextSpan(5, 1), "alpine")]);
        Assert.Equal("FROM alpine\nRUN c\n", changed.ToString());
    }

    [Theory]
    [InlineData("a\nb\n", "\n")]
    [InlineData("a\r\nb\r\nc\n", "\r\n")]
    [InlineData("abc", "\n")]
    public void Preferred_line_break(string input, string expected) =>
        Assert.Equal(expected, SourceText.From(input).PreferredLineBreak);

    [Fact]
    public void Span_helpers()
    {
        var span = TextSpan.FromBounds(2, 5);
        Assert.Equal((2, 3, 5), (span.Start, span.Length, span.End));
        Assert.True(span.Contains(4));
        Assert.False(span.Contains(5));
        Assert.True(span.IntersectsWith(new TextSpan(5, 0)));
        Assert.False(span.IntersectsWith(new TextSpan(6, 1)));
    }
}
