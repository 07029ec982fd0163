namespace DockerLayerLsp.Syntax;

/// <summary>
/// A logical string (BuildKit's view after continuations are joined) together with the source
/// offset of each of its characters, so every value the parser derives can point back into the file.
/// Offsets are relative to the start of the instruction's green node; the offset at <see cref="Length"/>
/// is the one just after the text.
/// </summary>
/// <remarks>
/// The offsets are kept as runs, not one entry per character: within a physical line consecutive characters
/// have consecutive offsets, so an instruction needs one run per line it joins (the tree keeps every
/// instruction's arguments, and a dense map cost four bytes per character of the file).
/// </remarks>
internal readonly struct MappedText
{
    /// <summary>Offset of index 0 (the first run).</summary>
    private readonly int _firstOffset;

    /// <summary>Offset at <see cref="Length"/>.</summary>
    private readonly int _endOffset;

    /// <summary>Runs after the first, as pairs (logical index where the run starts, its offset); null when there is one run.</summary>
    private readonly int[]? _runs;

    /// <param name="map">The offset of each character, plus one last entry for the offset just after the text.</param>
    public MappedText(string text, int[] map)
        : this(text, map, 0, text.Length)
    {
    }

    private MappedText(string text, int firstOffset, int endOffset, int[]? runs)
    {
        Text = text;
        _firstOffset = firstOffset;
        _endOffset = endOffset;
        _runs = runs;
    }

    /// <summary>The text of map[start..end) with map[end] as its end offset.</summary>
    private MappedText(string text, int[] map, int start, int end)
    {
        Text = text;
        _firstOffset = map[start];
        _endOffset = map[end];
        List<int>? runs = null;
        for (var i = start + 1; i < end; i++)
        {
            if (map[i] == map[i - 1] + 1) continue;
            runs ??= [];
            runs.Add(i - start);
            runs.Add(map[i]);
        }
        _runs = runs?.ToArray();
    }

    public string Text { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    public int OffsetAt(int index)
    {
        index = Math.Clamp(index, 0, Text.Length);
        return index == Text.Length ? _endOffset : CharOffset(index);
    }

    /// <summary>Source span covering [start, end) of the logical text.</summary>
    public TextSpan SpanOf(int start, int end)
    {
        if (end <= start) return new TextSpan(OffsetAt(start), 0);
        // The end is just after the last character, which can differ from the offset at end when a continuation was removed in between.
        return TextSpan.FromBounds(Entry(start), Entry(end - 1) + 1);
    }

    public MappedText Slice(int start, int end)
    {
        start = Math.Clamp(start, 0, Text.Length);
        end = Math.Clamp(end, start, Text.Length);
        var text = Text.Substring(start, end - start);
        if (end == start) return new MappedText(text, OffsetAt(start), OffsetAt(start), null);
        var endOffset = CharOffset(end - 1) + 1;
        if (_runs is null) return new MappedText(text, _firstOffset + start, endOffset, null);

        var first = RunOf(start);
        var firstOffset = RunOffset(first) + (start - RunStart(first));
        List<int>? runs = null;
        for (var r = first + 1; r <= _runs.Length / 2 && RunStart(r) < end; r++)
        {
            runs ??= [];
            runs.Add(RunStart(r) - start);
            runs.Add(RunOffset(r));
        }
        return new MappedText(text, firstOffset, endOffset, runs?.ToArray());
    }

    public MappedText Slice(int start) => Slice(start, Text.Length);

    /// <summary>Go's strings.TrimSpace (Unicode white space).</summary>
    public MappedText TrimSpace()
    {
        var (start, end) = GoText.TrimSpaceBounds(Text, 0, Text.Length);
        return Slice(start, end);
    }

    public override string ToString() => Text;

    /// <summary>The offset at <paramref name="index"/>, 0 ≤ index ≤ Length (the dense map's entry).</summary>
    private int Entry(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Text.Length);
        return index == Text.Length ? _endOffset : CharOffset(index);
    }

    /// <summary>Offset of the character at <paramref name="index"/> (0 ≤ index &lt; Length).</summary>
    private int CharOffset(int index)
    {
        var run = RunOf(index);
        return RunOffset(run) + (index - RunStart(run));
    }

    /// <summary>The run containing <paramref name="index"/>: 0 is the first, r ≥ 1 is _runs[2(r-1)..].</summary>
    private int RunOf(int index)
    {
        if (_runs is null) return 0;
        int low = 1, high = _runs.Length / 2, found = 0;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (RunStart(mid) <= index)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found;
    }

    private int RunStart(int run) => run == 0 ? 0 : _runs![2 * (run - 1)];

    private int RunOffset(int run) => run == 0 ? _firstOffset : _runs![2 * (run - 1) + 1];
}
