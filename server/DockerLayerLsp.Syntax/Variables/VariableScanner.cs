namespace DockerLayerLsp.Syntax;

/// <summary>
/// A <c>$NAME</c> or <c>${NAME...}</c> reference. <see cref="Modifier"/> is the operator after the name in the braced form
/// (":-", "-", ":+", "+", ":?", "?", "#", "##", "%", "%%", "/", "//"), <see cref="Argument"/> the raw text after it (the
/// default / alternative value); both null when absent. Spans are in the coordinates of the scanned text (or of the source
/// for <see cref="VariableScanner.Scan(InstructionSyntax)"/>).
/// </summary>
public sealed record VariableReference(
    string Name,
    string? Modifier,
    string? Argument,
    bool IsBraced,
    TextSpan Span,
    TextSpan NameSpan,
    TextSpan? ArgumentSpan);

/// <summary>
/// Finds variable references the way BuildKit's shell lexer expands them: the escape character hides the next character,
/// single quotes suppress expansion, double quotes do not. References nested in a modifier argument
/// (<c>${A:-$B}</c>) are reported after the one that contains them.
/// </summary>
public static class VariableScanner
{
    private static readonly string[] Modifiers = [":-", ":+", ":?", "##", "%%", "//", "-", "+", "?", "#", "%", "/"];

    public static IReadOnlyList<VariableReference> Scan(string text, char escapeChar = '\\', bool singleQuotesSuppress = true)
    {
        var result = new List<VariableReference>();
        ScanRange(text, 0, text.Length, escapeChar, singleQuotesSuppress, result);
        return result;
    }

    /// <summary>References in an instruction's <see cref="InstructionSyntax.ArgumentText"/>, with source spans.</summary>
    public static IReadOnlyList<VariableReference> Scan(InstructionSyntax instruction)
    {
        var references = Scan(instruction.ArgumentText, instruction.Tree.EscapeChar);
        return references.Select(r => r with
        {
            Span = instruction.MapArgumentSpan(r.Span.Start, r.Span.End),
            NameSpan = instruction.MapArgumentSpan(r.NameSpan.Start, r.NameSpan.End),
            ArgumentSpan = r.ArgumentSpan is { } a ? instruction.MapArgumentSpan(a.Start, a.End) : null,
        }).ToArray();
    }

    private static void ScanRange(string text, int pos, int end, char escape, bool singleQuotesSuppress, List<VariableReference> result)
    {
        var inDouble = false;
        while (pos < end)
        {
            var c = text[pos];
            if (c == escape) { pos += 2; continue; }
            if (c == '\'' && !inDouble && singleQuotesSuppress)
            {
                var close = text.IndexOf('\'', pos + 1, end - pos - 1);
                pos = close < 0 ? end : close + 1;
                continue;
            }
            if (c == '"') { inDouble = !inDouble; pos++; continue; }
            if (c != '$' || pos + 1 >= end) { pos++; continue; }

            var next = text[pos + 1];
            if (next == '{')
            {
                pos = ScanBraced(text, pos, end, escape, singleQuotesSuppress, result);
                continue;
            }
            var nameEnd = NameEnd(text, pos + 1, end);
            if (nameEnd > pos + 1)
            {
                var nameSpan = TextSpan.FromBounds(pos + 1, nameEnd);
                result.Add(new VariableReference(text[(pos + 1)..nameEnd], null, null, false, TextSpan.FromBounds(pos, nameEnd), nameSpan, null));
                pos = nameEnd;
                continue;
            }
            pos++;
        }
    }

    private static int ScanBraced(string text, int dollar, int end, char escape, bool singleQuotesSuppress, List<VariableReference> result)
    {
        var nameStart = dollar + 2;
        var nameEnd = NameEnd(text, nameStart, end);
        var close = FindClose(text, nameEnd, end, escape);
        var closeEnd = close < end ? close + 1 : end;
        string? modifier = null;
        string? argument = null;
        TextSpan? argumentSpan = null;
        foreach (var candidate in Modifiers)
        {
            if (nameEnd + candidate.Length <= close && string.CompareOrdinal(text, nameEnd, candidate, 0, candidate.Length) == 0)
            {
                modifier = candidate;
                var argumentStart = nameEnd + candidate.Length;
                argument = text[argumentStart..close];
                argumentSpan = TextSpan.FromBounds(argumentStart, close);
                break;
            }
        }
        result.Add(new VariableReference(text[nameStart..nameEnd], modifier, argument, true,
            TextSpan.FromBounds(dollar, closeEnd), TextSpan.FromBounds(nameStart, nameEnd), argumentSpan));
        if (argumentSpan is { } span)
        {
            ScanRange(text, span.Start, span.End, escape, singleQuotesSuppress, result);
        }
        return closeEnd;
    }

    /// <summary>Index of the '}' closing the reference (nested "${" counted), or <paramref name="end"/> when unclosed.</summary>
    private static int FindClose(string text, int pos, int end, char escape)
    {
        var depth = 1;
        while (pos < end)
        {
            var c = text[pos];
            if (c == escape) { pos += 2; continue; }
            if (c == '$' && pos + 1 < end && text[pos + 1] == '{') { depth++; pos += 2; continue; }
            if (c == '}' && --depth == 0) return pos;
            pos++;
        }
        return end;
    }

    /// <summary>End of a variable name starting at <paramref name="pos"/>: [A-Za-z_][A-Za-z0-9_]* or a single digit.</summary>
    private static int NameEnd(string text, int pos, int end)
    {
        if (pos >= end) return pos;
        if (char.IsAsciiDigit(text[pos])) return pos + 1;
        if (!(char.IsAsciiLetter(text[pos]) || text[pos] == '_')) return pos;
        var i = pos + 1;
        while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
        return i;
    }
}
