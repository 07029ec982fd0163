namespace DockerLayerLsp.Syntax;

/// <summary>
/// Finds the heredocs a logical instruction line declares (BuildKit's heredocsFromLine / ParseHeredoc).
/// The heredoc lexer always uses '\' as its escape character, whatever the escape directive says.
/// </summary>
internal static class HeredocDetector
{
    public readonly record struct Declaration(string Name, bool Expand, bool Chomp, int FileDescriptor, int WordStart, int WordEnd);

    /// <summary>
    /// Heredocs declared by the line, in order. A lexing error of the whole line (e.g. an unclosed quote) yields none, as in
    /// BuildKit; an error lexing one heredoc word is reported through <paramref name="error"/> (BuildKit fails the parse).
    /// </summary>
    public static List<Declaration> Detect(string line, out (string Message, int Start, int End)? error)
    {
        error = null;
        var result = new List<Declaration>();
        var lineWords = ShellLexer.Process(line, new ShellLexer.Options('\\', RawQuotes: true, RawEscapes: true));
        if (lineWords.Error is not null) return result;
        foreach (var word in lineWords.Words)
        {
            if (!TryMatch(word.Value, out var fd, out var chomp, out var rest)) continue;

            var unquoted = ShellLexer.Process(rest, new ShellLexer.Options('\\', RawQuotes: false, RawEscapes: false));
            var raw = ShellLexer.Process(rest, new ShellLexer.Options('\\', RawQuotes: true, RawEscapes: false));
            if (unquoted.Error is not null || raw.Error is not null)
            {
                error = (unquoted.Error ?? raw.Error!, word.Start, word.End);
                return result;
            }
            if (unquoted.Words.Count != 1 || raw.Words.Count != 1) continue;

            var name = unquoted.Words[0].Value;
            var expand = CountQuotes(name) == CountQuotes(raw.Words[0].Value);
            result.Add(new Declaration(name, expand, chomp, fd, word.Start, word.End));
        }
        return result;
    }

    /// <summary>Matches ^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$ with a non-empty third group.</summary>
    private static bool TryMatch(string word, out int fd, out bool chomp, out string rest)
    {
        fd = 0;
        chomp = false;
        rest = "";
        var i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i])) i++;
        if (i + 2 > word.Length || word[i] != '<' || word[i + 1] != '<') return false;
        if (i > 0 && !int.TryParse(word.AsSpan(0, i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out fd))
        {
            fd = 0; // BuildKit ignores an out-of-range descriptor number and uses 0
        }
        i += 2;
        if (i < word.Length && word[i] == '-') { chomp = true; i++; }
        while (i < word.Length && word[i] is ' ' or '\t' or '\n' or '\f' or '\r') i++;
        rest = word[i..];
        return rest.Length > 0 && !rest.Contains('<');
    }

    private static int CountQuotes(string text)
    {
        var count = 0;
        foreach (var c in text) if (c is '\'' or '"') count++;
        return count;
    }
}
