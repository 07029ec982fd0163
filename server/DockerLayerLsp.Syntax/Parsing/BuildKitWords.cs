using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>
/// BuildKit's quote-aware word splitter for ENV, LABEL and ARG (parseWords): white space separates words,
/// quotes group text and are KEPT, the escape character is kept together with the character it escapes
/// (outside single quotes), and an escape character at the very end is dropped.
/// </summary>
internal static class BuildKitWords
{
    /// <summary>A word and the [Start, End) range of the logical text it was read from.</summary>
    public readonly record struct Word(string Text, int Start, int End);

    public static List<Word> Split(string text, char escape)
    {
        var words = new List<Word>();
        var word = new StringBuilder();
        var inWord = false;
        var inQuote = false;
        var quote = '\0';
        var blankOk = false;
        var start = 0;
        var pos = 0;
        for (; pos < text.Length; pos++)
        {
            var ch = text[pos];
            if (!inWord && !inQuote)
            {
                if (GoText.IsSpace(ch)) continue;
                inWord = true;
                start = pos;
            }
            if (inWord && !inQuote)
            {
                if (GoText.IsSpace(ch))
                {
                    if (blankOk || word.Length > 0) words.Add(new Word(word.ToString(), start, pos));
                    word.Clear();
                    blankOk = false;
                    inWord = false;
                    continue;
                }
                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    inQuote = true;
                }
                if (ch == escape)
                {
                    if (pos + 1 == text.Length) continue;
                    word.Append(ch);
                    pos++;
                    ch = text[pos];
                }
                word.Append(ch);
                continue;
            }

            // In a quoted part (the opening quote was already appended).
            if (ch == quote)
            {
                inQuote = false;
            }
            else if (ch == escape && quote != '\'')
            {
                if (pos + 1 == text.Length)
                {
                    inQuote = false;
                    continue;
                }
                word.Append(ch);
                pos++;
                ch = text[pos];
            }
            word.Append(ch);
        }
        if ((inWord || inQuote) && (blankOk || word.Length > 0)) words.Add(new Word(word.ToString(), start, pos));
        return words;
    }
}
