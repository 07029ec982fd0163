namespace DockerLayerLsp.Syntax;

/// <summary>
/// Finds the heredocs a logical instruction line declares (BuildKit's heredocsFromLine / ParseHeredoc).
/// The heredoc lexer always uses '\' as its escape character, whatever the escape directive says.
/// </summary>
internal static class HeredocDetector
{
    public readonly record struct Declaration(string Name, bool Expand, bool Chomp, int FileDescriptor, int WordStart, int WordEnd);

    public static List<Declaration> Detect(string line, out char unbalancedQuote, out (int Start, int End) errorWord)
    {
        unbalancedQuote = '\0';
        errorWord = default;
        var result = new List<Declaration>();
        var words = ShellLexer.Split(line, new ShellLexer.Options('\\', RawQuotes: true, RawEscapes: true, GlueHeredocOperator: true), out _);
        foreach (var word in words)
        {
            if (!TryMatch(word.Value, out var fd, out var chomp, out var rest)) continue;

            var unquoted = ShellLexer.Split(rest, new ShellLexer.Options('\\', false, false, false), out var quote1);
            var raw = ShellLexer.Split(rest, new ShellLexer.Options('\\', true, false, false), out var quote2);
            if (quote1 != '\0' || quote2 != '\0')
            {
                unbalancedQuote = quote1 != '\0' ? quote1 : quote2;
                errorWord = (word.Start, word.End);
                continue;
            }
            if (unquoted.Count != 1 || raw.Count != 1) continue;

            var name = unquoted[0].Value;
            var expand = CountQuotes(name) == CountQuotes(raw[0].Value);
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
