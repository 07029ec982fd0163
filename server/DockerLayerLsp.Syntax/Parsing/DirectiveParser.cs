namespace DockerLayerLsp.Syntax;

/// <summary>
/// Parser directives are only recognised on the leading lines of the file: the first line that is not a
/// <c># key=value</c> directive with a known key ends directive processing for good (BuildKit's DirectiveParser).
/// </summary>
internal sealed class DirectiveParser
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public bool IsDone { get; private set; }

    public char EscapeChar { get; private set; } = '\\';

    public List<ParserDirective> Directives { get; } = [];

    /// <summary>
    /// Offers one line (without its break; <paramref name="start"/> is the offset of <paramref name="line"/>[0]).
    /// Returns true when the line is a directive (valid or not); errors go to <paramref name="diagnostics"/>.
    /// </summary>
    public bool Offer(string line, int start, List<SyntaxDiagnostic> diagnostics)
    {
        if (IsDone) return false;
        if (!TryMatch(line, out var nameStart, out var nameEnd, out var valueStart, out var valueEnd))
        {
            IsDone = true;
            return false;
        }
        var name = line[nameStart..nameEnd];
        var value = line[valueStart..valueEnd];
        var key = name.ToLowerInvariant();
        if (key is not ("syntax" or "escape" or "check"))
        {
            IsDone = true;
            return false;
        }
        var directive = new ParserDirective(name, value,
            TextSpan.FromBounds(start, start + line.Length),
            TextSpan.FromBounds(start + nameStart, start + nameEnd),
            TextSpan.FromBounds(start + valueStart, start + valueEnd));
        if (!_seen.Add(key))
        {
            diagnostics.Add(SyntaxDiagnosticDescriptor.DuplicateDirective.Create(directive.Span, key));
            return true;
        }
        Directives.Add(directive);
        if (key == "escape")
        {
            if (value is "`" or "\\") EscapeChar = value[0];
            else diagnostics.Add(SyntaxDiagnosticDescriptor.InvalidEscapeToken.Create(directive.ValueSpan, value));
        }
        return true;
    }

    /// <summary>^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$ where \s is Go's ASCII class [\t\n\f\r ].</summary>
    private static bool TryMatch(string line, out int nameStart, out int nameEnd, out int valueStart, out int valueEnd)
    {
        nameStart = nameEnd = valueStart = valueEnd = 0;
        if (line.Length == 0 || line[0] != '#') return false;
        var i = 1;
        while (i < line.Length && GoText.IsSpace(line[i])) i++; // BuildKit trims Unicode space after '#'
        if (i >= line.Length || !char.IsAsciiLetter(line[i])) return false;
        nameStart = i;
        while (i < line.Length && char.IsAsciiLetterOrDigit(line[i])) i++;
        nameEnd = i;
        i = SkipSpace(line, i);
        if (i >= line.Length || line[i] != '=') return false;
        var afterEquals = i + 1;
        i = SkipSpace(line, afterEquals);
        var end = line.Length;
        while (end > i && IsRegexSpace(line[end - 1])) end--;
        if (end <= i)
        {
            // Only blanks after '=': the lazy (.+?) backtracks into them and captures the last one.
            if (line.Length <= afterEquals) return false;
            valueStart = line.Length - 1;
            valueEnd = line.Length;
            return true;
        }
        // '.' does not match '\n'; there is none in a physical line, so any remaining text is the value.
        valueStart = i;
        valueEnd = end;
        return true;
    }

    private static int SkipSpace(string line, int i)
    {
        while (i < line.Length && IsRegexSpace(line[i])) i++;
        return i;
    }

    private static bool IsRegexSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
