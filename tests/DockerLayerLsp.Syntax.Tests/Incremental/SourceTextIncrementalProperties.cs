using FsCheck;
using FsCheck.Xunit;

namespace DockerLayerLsp.Syntax.Tests.Incremental;

/// <summary>An edited <see cref="SourceText"/> derives its line index and line-break counts from the old text's; they must equal a fresh computation.</summary>
public class SourceTextIncrementalProperties
{
    private static readonly string[] Pieces = ["a", "bc", "\n", "\r", "\r\n", "\n\r", "", " "];

    private static string Build(byte[] seed) => string.Concat(seed.Select(b => Pieces[b % Pieces.Length]));

    [Property(MaxTest = 500)]
    public void Derived_line_index_equals_a_fresh_one(byte[] initial, (byte Start, byte Length, byte[] Insert)[] edits)
    {
        var text = SourceText.From(Build(initial));
        _ = text.LineCount; // compute the index so the edits derive theirs
        _ = text.PreferredLineBreak;
        foreach (var (start, length, insert) in edits)
        {
            var at = start % (text.Length + 1);
            text = text.WithChanges(new TextChange(new TextSpan(at, Math.Min(length % 4, text.Length - at)), Build(insert)));
            var fresh = SourceText.From(text.ToString());
            Assert.Equal(fresh.LineCount, text.LineCount);
            for (var line = 0; line < fresh.LineCount; line++) Assert.Equal(fresh.GetLineStart(line), text.GetLineStart(line));
            Assert.Equal(fresh.PreferredLineBreak, text.PreferredLineBreak);
        }
    }

    [Fact]
    public void A_line_feed_typed_after_a_carriage_return_joins_them()
    {
        var text = SourceText.From("a\rb");
        Assert.Equal(2, text.LineCount);
        var edited = text.WithChanges(new TextChange(new TextSpan(2, 0), "\n"));
        Assert.Equal(2, edited.LineCount);
        Assert.Equal(3, edited.GetLineStart(1));
        Assert.Equal("\r\n", edited.PreferredLineBreak);
    }
}
