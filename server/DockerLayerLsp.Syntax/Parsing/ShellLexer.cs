using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>
/// A shell-word splitter in the manner of BuildKit's shell lexer, without variable expansion: white space
/// separates words; '...' is literal; "..." lets the escape character escape '"', '$' and itself; outside
/// quotes the escape character escapes anything. <c>${...}</c> is kept whole (its default may contain spaces).
/// Raw modes keep quote / escape characters in the produced text, as BuildKit's RawQuotes / RawEscapes do.
/// </summary>
internal static class ShellLexer
{
    public readonly record struct Word(string Value, int Start, int End);

    public readonly record struct Options(char Escape, bool RawQuotes, bool RawEscapes, bool GlueHeredocOperator);

    /// <summary>Splits <paramref name="text"/>; <paramref name="unterminatedQuote"/> is '\'' or '"' when a quote never closes.</summary>
    public static List<Word> Split(string text, Options options, out char unterminatedQuote)
    {
        unterminatedQuote = '\0';
        var words = new List<Word>();
        var value = new StringBuilder();
        var inWord = false;
        var start = 0;
        var pos = 0;
        var escape = options.Escape;
        while (pos < text.Length)
        {
            var ch = text[pos];
            if (GoText.IsSpace(ch))
            {
                if (inWord && options.GlueHeredocOperator && IsHeredocOperator(value))
                {
                    // "<<  EOF" is one word for BuildKit's heredoc detection.
                    value.Append(ch);
                    pos++;
                    continue;
                }
                if (inWord)
                {
                    words.Add(new Word(value.ToString(), start, pos));
                    value.Clear();
                    inWord = false;
                }
                pos++;
                continue;
            }
            if (!inWord)
            {
                inWord = true;
                start = pos;
            }
            if (ch == escape)
            {
                if (pos + 1 >= text.Length) { pos++; continue; }
                if (options.RawEscapes) value.Append(ch);
                value.Append(text[pos + 1]);
                pos += 2;
                continue;
            }
            if (ch == '\'')
            {
                var close = text.IndexOf('\'', pos + 1);
                if (close < 0)
                {
                    unterminatedQuote = '\'';
                    if (options.RawQuotes) value.Append(text, pos, text.Length - pos);
                    else value.Append(text, pos + 1, text.Length - pos - 1);
                    pos = text.Length;
                    break;
                }
                if (options.RawQuotes) value.Append(text, pos, close - pos + 1);
                else value.Append(text, pos + 1, close - pos - 1);
                pos = close + 1;
                continue;
            }
            if (ch == '"')
            {
                if (options.RawQuotes) value.Append('"');
                pos++;
                var closed = false;
                while (pos < text.Length)
                {
                    var c = text[pos];
                    if (c == '"')
                    {
                        if (options.RawQuotes) value.Append('"');
                        pos++;
                        closed = true;
                        break;
                    }
                    if (c == escape && pos + 1 < text.Length)
                    {
                        var next = text[pos + 1];
                        if (next == '"' || next == '$' || next == escape)
                        {
                            if (options.RawEscapes) value.Append(c);
                            value.Append(next);
                            pos += 2;
                            continue;
                        }
                    }
                    value.Append(c);
                    pos++;
                }
                if (!closed)
                {
                    unterminatedQuote = '"';
                    break;
                }
                continue;
            }
            if (ch == '$' && pos + 1 < text.Length && text[pos + 1] == '{')
            {
                var end = FindBraceEnd(text, pos + 2, escape);
                value.Append(text, pos, end - pos);
                pos = end;
                continue;
            }
            value.Append(ch);
            pos++;
        }
        if (inWord) words.Add(new Word(value.ToString(), start, pos));
        return words;
    }

    /// <summary>Index just after the '}' closing a "${" whose content starts at <paramref name="pos"/> (nested braces counted), or the text end.</summary>
    internal static int FindBraceEnd(string text, int pos, char escape)
    {
        var depth = 1;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == escape) { pos += 2; continue; }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return pos + 1;
            pos++;
        }
        return text.Length;
    }

    /// <summary>True when the word so far is "&lt;&lt;", "&lt;&lt;-", optionally preceded by digits (a heredoc operator awaiting its name).</summary>
    private static bool IsHeredocOperator(StringBuilder word)
    {
        var i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i])) i++;
        if (i + 2 > word.Length || word[i] != '<' || word[i + 1] != '<') return false;
        i += 2;
        if (i < word.Length && word[i] == '-') i++;
        while (i < word.Length && GoText.IsSpace(word[i])) i++;
        return i == word.Length;
    }

    /// <summary>Unquotes one shell value (quotes removed, escapes resolved, white space kept).</summary>
    public static string Unquote(string text, char escape)
    {
        var builder = new StringBuilder(text.Length);
        var pos = 0;
        while (pos < text.Length)
        {
            var ch = text[pos];
            if (ch == escape)
            {
                if (pos + 1 < text.Length) builder.Append(text[pos + 1]);
                pos += 2;
                continue;
            }
            if (ch == '\'')
            {
                var close = text.IndexOf('\'', pos + 1);
                if (close < 0) close = text.Length;
                builder.Append(text, pos + 1, close - pos - 1);
                pos = close + 1;
                continue;
            }
            if (ch == '"')
            {
                pos++;
                while (pos < text.Length && text[pos] != '"')
                {
                    var c = text[pos];
                    if (c == escape && pos + 1 < text.Length && text[pos + 1] is var next && (next == '"' || next == '$' || next == escape))
                    {
                        builder.Append(next);
                        pos += 2;
                        continue;
                    }
                    builder.Append(c);
                    pos++;
                }
                pos++;
                continue;
            }
            builder.Append(ch);
            pos++;
        }
        return builder.ToString();
    }
}
