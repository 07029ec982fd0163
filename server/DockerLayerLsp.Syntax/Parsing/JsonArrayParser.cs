using System.Globalization;
using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>
/// The exec-form test: the whole (trimmed) text must be one strict RFC 8259 JSON array, as Go's encoding/json
/// accepts it. Written by hand (instead of System.Text.Json) to keep element positions and Go's leniencies:
/// lone surrogate escapes decode to U+FFFD, nesting depth is unlimited (validated without recursion).
/// </summary>
internal static class JsonArrayParser
{
    public readonly record struct Element(string? Value, int Start, int End)
    {
        public bool IsString => Value is not null;
    }

    /// <summary>Null when the text is not a JSON array (callers fall back to the non-JSON rule).</summary>
    public static List<Element>? TryParse(string text)
    {
        var pos = SkipWs(text, 0);
        if (pos >= text.Length || text[pos] != '[') return null;
        pos++;
        var elements = new List<Element>();
        pos = SkipWs(text, pos);
        if (pos < text.Length && text[pos] == ']')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                pos = SkipWs(text, pos);
                var start = pos;
                string? value = null;
                if (pos < text.Length && text[pos] == '"')
                {
                    var builder = new StringBuilder();
                    if (!TryReadString(text, ref pos, builder)) return null;
                    value = builder.ToString();
                }
                else if (!TrySkipValue(text, ref pos))
                {
                    return null;
                }
                elements.Add(new Element(value, start, pos));
                pos = SkipWs(text, pos);
                if (pos >= text.Length) return null;
                if (text[pos] == ',') { pos++; continue; }
                if (text[pos] == ']') { pos++; break; }
                return null;
            }
        }
        return SkipWs(text, pos) == text.Length ? elements : null;
    }

    private static int SkipWs(string text, int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\n' or '\r') pos++;
        return pos;
    }

    private static bool TryReadString(string text, ref int pos, StringBuilder? builder)
    {
        pos++; // opening quote
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '"') { pos++; return true; }
            if (c < 0x20) return false;
            if (c != '\\')
            {
                builder?.Append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.Length) return false;
            var e = text[pos + 1];
            pos += 2;
            switch (e)
            {
                case '"': builder?.Append('"'); break;
                case '\\': builder?.Append('\\'); break;
                case '/': builder?.Append('/'); break;
                case 'b': builder?.Append('\b'); break;
                case 'f': builder?.Append('\f'); break;
                case 'n': builder?.Append('\n'); break;
                case 'r': builder?.Append('\r'); break;
                case 't': builder?.Append('\t'); break;
                case 'u':
                    if (!TryHex4(text, pos, out var unit)) return false;
                    pos += 4;
                    if (char.IsHighSurrogate((char)unit) && pos + 6 <= text.Length && text[pos] == '\\' && text[pos + 1] == 'u'
                        && TryHex4(text, pos + 2, out var low) && char.IsLowSurrogate((char)low))
                    {
                        builder?.Append((char)unit).Append((char)low);
                        pos += 6;
                    }
                    else if (char.IsSurrogate((char)unit))
                    {
                        builder?.Append('\uFFFD'); // Go decodes an unpaired surrogate escape to U+FFFD
                    }
                    else
                    {
                        builder?.Append((char)unit);
                    }
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    private static bool TryHex4(string text, int pos, out int value)
    {
        value = 0;
        return pos + 4 <= text.Length
            && int.TryParse(text.AsSpan(pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Validates and skips any JSON value (number, literal, nested array/object) without recursion.</summary>
    private static bool TrySkipValue(string text, ref int pos)
    {
        // Stack of open containers: '[' or '{'. 'expectValue' is false right after a value.
        var stack = new Stack<char>();
        while (true)
        {
            pos = SkipWs(text, pos);
            if (pos >= text.Length) return false;
            var c = text[pos];
            if (c == '[' || c == '{')
            {
                stack.Push(c);
                pos = SkipWs(text, pos + 1);
                if (pos < text.Length && text[pos] == (c == '[' ? ']' : '}'))
                {
                    stack.Pop();
                    pos++;
                }
                else
                {
                    if (c == '{' && !TryReadKey(text, ref pos)) return false;
                    continue;
                }
            }
            else if (c == '"')
            {
                if (!TryReadString(text, ref pos, null)) return false;
            }
            else if (!TrySkipScalar(text, ref pos))
            {
                return false;
            }

            // After a value: close containers or move to the next element.
            while (true)
            {
                if (stack.Count == 0) return true;
                pos = SkipWs(text, pos);
                if (pos >= text.Length) return false;
                var top = stack.Peek();
                if (text[pos] == ',')
                {
                    pos++;
                    if (top == '{')
                    {
                        pos = SkipWs(text, pos);
                        if (!TryReadKey(text, ref pos)) return false;
                    }
                    break;
                }
                if (text[pos] == (top == '[' ? ']' : '}'))
                {
                    stack.Pop();
                    pos++;
                    continue;
                }
                return false;
            }
        }
    }

    private static bool TryReadKey(string text, ref int pos)
    {
        pos = SkipWs(text, pos);
        if (pos >= text.Length || text[pos] != '"' || !TryReadString(text, ref pos, null)) return false;
        pos = SkipWs(text, pos);
        if (pos >= text.Length || text[pos] != ':') return false;
        pos++;
        return true;
    }

    private static bool TrySkipScalar(string text, ref int pos)
    {
        foreach (var literal in (ReadOnlySpan<string>)["true", "false", "null"])
        {
            if (string.CompareOrdinal(text, pos, literal, 0, literal.Length) == 0)
            {
                pos += literal.Length;
                return true;
            }
        }
        var start = pos;
        if (pos < text.Length && text[pos] == '-') pos++;
        if (pos >= text.Length || !char.IsAsciiDigit(text[pos])) return false;
        if (text[pos] == '0') pos++;
        else while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            if (pos >= text.Length || !char.IsAsciiDigit(text[pos])) return false;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        }
        if (pos < text.Length && text[pos] is 'e' or 'E')
        {
            pos++;
            if (pos < text.Length && text[pos] is '+' or '-') pos++;
            if (pos >= text.Length || !char.IsAsciiDigit(text[pos])) return false;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        }
        return pos > start;
    }
}
