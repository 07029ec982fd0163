namespace DockerLayerLsp.Syntax;

/// <summary>
/// A logical string (BuildKit's view after continuations are joined) together with the source
/// offset of each of its characters, so every value the parser derives can point back into the file.
/// <see cref="Map"/> has Text.Length + 1 entries; the last one is the offset just after the text.
/// Offsets are relative to the start of the instruction's green node.
/// </summary>
internal readonly struct MappedText
{
    public MappedText(string text, int[] map)
    {
        Text = text;
        Map = map;
    }

    public string Text { get; }

    public int[] Map { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    public int OffsetAt(int index) => Map[Math.Clamp(index, 0, Text.Length)];

    /// <summary>Source span covering [start, end) of the logical text.</summary>
    public TextSpan SpanOf(int start, int end)
    {
        if (end <= start) return new TextSpan(OffsetAt(start), 0);
        // The end is just after the last character, which can differ from Map[end] when a continuation was removed in between.
        return TextSpan.FromBounds(Map[start], Map[end - 1] + 1);
    }

    public MappedText Slice(int start, int end)
    {
        start = Math.Clamp(start, 0, Text.Length);
        end = Math.Clamp(end, start, Text.Length);
        var map = new int[end - start + 1];
        Array.Copy(Map, start, map, 0, end - start);
        map[^1] = end - start == 0 ? Map[start] : Map[end - 1] + 1;
        return new MappedText(Text.Substring(start, end - start), map);
    }

    public MappedText Slice(int start) => Slice(start, Text.Length);

    /// <summary>Go's strings.TrimSpace (Unicode white space).</summary>
    public MappedText TrimSpace()
    {
        var (start, end) = GoText.TrimSpaceBounds(Text, 0, Text.Length);
        return Slice(start, end);
    }

    public override string ToString() => Text;
}
