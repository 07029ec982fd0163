using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>
/// Immutable document text with a line index. Lines end at "\n", "\r\n" or a lone "\r" (LSP's
/// definition); the parser's own notion of physical lines (BuildKit splits on "\n" only) lives in
/// the parser, not here. No member throws for out-of-range positions: they are clamped, because
/// editor positions routinely point past the end of a line or file.
/// </summary>
public sealed class SourceText
{
    private readonly string _text;
    private int[]? _lineStarts;

    private SourceText(string text) => _text = text;

    public static SourceText From(string text) => new(text ?? string.Empty);

    public int Length => _text.Length;

    public char this[int index] => _text[index];

    public override string ToString() => _text;

    public string ToString(TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, _text.Length);
        var end = Math.Clamp(span.End, start, _text.Length);
        return _text.Substring(start, end - start);
    }

    public int LineCount => LineStarts.Length;

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(_text);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }

    /// <summary>Start offset of <paramref name="line"/>; lines past the end clamp to the text end.</summary>
    public int GetLineStart(int line)
    {
        var starts = LineStarts;
        if (line < 0) return 0;
        return line >= starts.Length ? _text.Length : starts[line];
    }

    /// <summary>The span of the line's content, without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var full = GetLineSpanIncludingBreak(line);
        var end = full.End;
        if (end > full.Start && _text[end - 1] == '\n') end--;
        if (end > full.Start && _text[end - 1] == '\r') end--;
        return TextSpan.FromBounds(full.Start, end);
    }

    public TextSpan GetLineSpanIncludingBreak(int line)
    {
        var starts = LineStarts;
        if (line < 0) line = 0;
        if (line >= starts.Length) return new TextSpan(_text.Length, 0);
        var end = line + 1 < starts.Length ? starts[line + 1] : _text.Length;
        return TextSpan.FromBounds(starts[line], end);
    }

    /// <summary>0-based line index containing <paramref name="offset"/> (clamped into the text).</summary>
    public int GetLineIndex(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var starts = LineStarts;
        var index = Array.BinarySearch(starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        // An offset between "\r" and "\n" of one CRLF belongs to the line the CRLF ends.
        return line;
    }

    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = GetLineIndex(offset);
        return new LinePosition(line, offset - LineStarts[line]);
    }

    /// <summary>Offset of an LSP position; characters past the line's content clamp to the line end, lines past the end to the text end.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= LineCount) return _text.Length;
        var span = GetLineSpan(position.Line);
        var character = Math.Clamp(position.Character, 0, span.Length);
        return span.Start + character;
    }

    public TextSpan GetSpan(LinePosition start, LinePosition end)
    {
        var s = GetOffset(start);
        return TextSpan.FromBounds(s, Math.Max(s, GetOffset(end)));
    }

    /// <summary>The UTF-8 byte column of <paramref name="offset"/> within its line (LSP "utf-8" position encoding).</summary>
    public int GetUtf8Character(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var lineStart = LineStarts[GetLineIndex(offset)];
        var bytes = 0;
        for (var i = lineStart; i < offset; i++)
        {
            var c = _text[i];
            if (char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]))
            {
                if (i + 1 < offset) { bytes += 4; i++; }
                else { bytes += 3; } // offset splits a pair: count what precedes it
            }
            else
            {
                bytes += Utf8Width(c);
            }
        }
        return bytes;
    }

    /// <summary>Offset of a UTF-8 byte column; a column inside a character snaps to that character's start, past the end clamps to the line end.</summary>
    public int GetOffsetFromUtf8(int line, int utf8Character)
    {
        if (line < 0) return 0;
        if (line >= LineCount) return _text.Length;
        var span = GetLineSpan(line);
        var bytes = 0;
        var i = span.Start;
        while (i < span.End)
        {
            var c = _text[i];
            int width, chars;
            if (char.IsHighSurrogate(c) && i + 1 < span.End && char.IsLowSurrogate(_text[i + 1])) { width = 4; chars = 2; }
            else { width = Utf8Width(c); chars = 1; }
            if (bytes + width > utf8Character) break;
            bytes += width;
            i += chars;
        }
        return i;
    }

    private static int Utf8Width(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : 3;

    /// <summary>The dominant line break of the text ("\n" when it has none), for edits that insert lines.</summary>
    public string PreferredLineBreak
    {
        get
        {
            int lf = 0, crlf = 0, cr = 0;
            for (var i = 0; i < _text.Length; i++)
            {
                if (_text[i] == '\r')
                {
                    if (i + 1 < _text.Length && _text[i + 1] == '\n') { crlf++; i++; }
                    else cr++;
                }
                else if (_text[i] == '\n') lf++;
            }
            if (crlf > lf && crlf >= cr) return "\r\n";
            if (cr > lf && cr > crlf) return "\r";
            return "\n";
        }
    }

    /// <summary>Apply non-overlapping changes given in this text's coordinates (order does not matter).</summary>
    public SourceText WithChanges(IEnumerable<TextChange> changes)
    {
        var ordered = changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End).ToList();
        if (ordered.Count == 0) return this;
        var builder = new StringBuilder(_text.Length);
        var position = 0;
        foreach (var change in ordered)
        {
            var start = Math.Clamp(change.Span.Start, position, _text.Length);
            var end = Math.Clamp(change.Span.End, start, _text.Length);
            builder.Append(_text, position, start - position);
            builder.Append(change.NewText);
            position = end;
        }
        builder.Append(_text, position, _text.Length - position);
        return new SourceText(builder.ToString());
    }

    public SourceText WithChanges(params TextChange[] changes) => WithChanges((IEnumerable<TextChange>)changes);
}
