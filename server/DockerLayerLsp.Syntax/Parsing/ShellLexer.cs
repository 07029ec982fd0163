using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>
/// BuildKit's shell lexer (shell.Lex) as the parser uses it: no environment and unset variables kept as written
/// (SkipUnsetEnv), so <c>$X</c> / <c>${X:-a}</c> come back unchanged. It yields the processed string (ProcessWord)
/// and the white-space separated words (ProcessWords) with the source range of each word.
/// Quotes: '...' literal; "..." where the escape character escapes only '"', '$' and itself; outside quotes the escape
/// character escapes anything. "&lt;&lt;" swallows the blanks after it (heredoc operators like "&lt;&lt;  EOF" stay one word).
/// </summary>
internal sealed class ShellLexer
{
    public readonly record struct Word(string Value, int Start, int End);

    public readonly record struct Options(char Escape, bool RawQuotes, bool RawEscapes);

    public sealed record Result(string Text, List<Word> Words, string? Error);

    private readonly string _text;
    private readonly Options _options;
    private int _pos;

    private ShellLexer(string text, Options options)
    {
        _text = text;
        _options = options;
    }

    /// <summary>Lexes <paramref name="text"/>. On a syntax error (unclosed quote, bad ${...}) the words read so far are returned with <see cref="Result.Error"/> set.</summary>
    public static Result Process(string text, Options options) => new ShellLexer(text, options).Run();

    /// <summary>The processed value of one word (quotes removed, escapes resolved, variables kept), tolerant of errors.</summary>
    public static string Unquote(string text, char escape) => Process(text, new Options(escape, false, false)).Text;

    private int Peek => _pos < _text.Length ? _text[_pos] : -1;

    private Result Run()
    {
        var words = new WordCollector();
        var error = ProcessStopOn(-1, _options.RawEscapes, words, out var result);
        words.Finish(_pos);
        return new Result(result, words.Words, error);
    }

    /// <summary>Reads until <paramref name="stopChar"/> (-1 = end of text); the words go to <paramref name="words"/> when given.</summary>
    private string? ProcessStopOn(int stopChar, bool rawEscapes, WordCollector? words, out string result)
    {
        var builder = new StringBuilder();
        result = "";
        while (Peek != -1)
        {
            var ch = (char)Peek;
            if (stopChar != -1 && ch == stopChar)
            {
                _pos++;
                result = builder.ToString();
                return null;
            }
            var start = _pos;
            string? error = null;
            string? piece = ch switch
            {
                '$' => ProcessDollar(out error),
                '\'' => ProcessSingleQuote(out error),
                '"' => ProcessDoubleQuote(rawEscapes, out error),
                '<' => ProcessPossibleHeredoc(),
                _ => null,
            };
            if (error is not null)
            {
                result = builder.ToString();
                return error;
            }
            if (piece is not null)
            {
                builder.Append(piece);
                if (ch == '$') words?.AddString(piece, start);
                else words?.AddRaw(piece, start);
                continue;
            }

            _pos++;
            if (ch == _options.Escape)
            {
                if (rawEscapes)
                {
                    words?.AddRaw(ch.ToString(), start);
                    builder.Append(ch);
                }
                if (Peek == -1) break;
                ch = _text[_pos++];
                words?.AddRaw(ch.ToString(), start);
            }
            else
            {
                words?.AddChar(ch, start);
            }
            builder.Append(ch);
        }
        result = builder.ToString();
        return stopChar != -1 ? $"unexpected end of statement while looking for matching {(char)stopChar}" : null;
    }

    private string? ProcessSingleQuote(out string? error)
    {
        error = null;
        var builder = new StringBuilder();
        if (_options.RawQuotes) builder.Append('\'');
        _pos++;
        while (true)
        {
            if (Peek == -1)
            {
                error = "unexpected end of statement while looking for matching single-quote";
                return null;
            }
            var ch = _text[_pos++];
            if (ch == '\'')
            {
                if (_options.RawQuotes) builder.Append(ch);
                return builder.ToString();
            }
            builder.Append(ch);
        }
    }

    private string? ProcessDoubleQuote(bool rawEscapes, out string? error)
    {
        error = null;
        var builder = new StringBuilder();
        if (_options.RawQuotes) builder.Append('"');
        _pos++;
        while (true)
        {
            switch (Peek)
            {
                case -1:
                    error = "unexpected end of statement while looking for matching double-quote";
                    return null;
                case '"':
                    _pos++;
                    if (_options.RawQuotes) builder.Append('"');
                    return builder.ToString();
                case '$':
                    var value = ProcessDollar(out error);
                    if (error is not null) return null;
                    builder.Append(value);
                    break;
                default:
                    var ch = _text[_pos++];
                    if (ch == _options.Escape)
                    {
                        if (rawEscapes) builder.Append(ch);
                        if (Peek == -1) continue;
                        if (Peek == '"' || Peek == '$' || Peek == _options.Escape) ch = _text[_pos++];
                    }
                    builder.Append(ch);
                    break;
            }
        }
    }

    /// <summary>"$name" / "${...}" with no environment: everything is unset, so the reference is re-emitted as BuildKit does.</summary>
    private string? ProcessDollar(out string? error)
    {
        error = null;
        _pos++;
        if (Peek != '{')
        {
            var simple = ProcessName();
            return simple.Length == 0 ? "$" : "$" + simple;
        }
        _pos++;
        switch (Peek)
        {
            case -1:
                error = "syntax error: missing '}'";
                return null;
            case '{' or '}' or ':':
                error = "syntax error: bad substitution";
                return null;
        }
        var name = ProcessName();
        if (Peek == -1)
        {
            error = "syntax error: missing '}'";
            return null;
        }
        var ch = _text[_pos++];
        var modifier = ch.ToString();
        switch (ch)
        {
            case '}':
                return "${" + name + "}";
            case ':' or '+' or '-' or '?' or '#' or '%':
                if (ch == ':')
                {
                    if (Peek == -1) { error = "syntax error: missing '}'"; return null; }
                    ch = _text[_pos++];
                    modifier += ch;
                }
                var wordError = ProcessStopOn('}', ch is '#' or '%', null, out var word);
                if (wordError is not null)
                {
                    error = Peek == -1 ? "syntax error: missing '}'" : wordError;
                    return null;
                }
                return "${" + name + modifier + word + "}";
            case '/':
                if (Peek == '/') _pos++;
                var patternError = ProcessStopOn('/', true, null, out var pattern);
                if (patternError is not null) { error = "syntax error: missing '/' in ${}"; return null; }
                var replacementError = ProcessStopOn('}', true, null, out var replacement);
                if (replacementError is not null) { error = "syntax error: missing '}'"; return null; }
                return "${" + name + "/" + pattern + "/" + replacement + "}";
            default:
                error = $"unsupported modifier ({modifier}) in substitution";
                return null;
        }
    }

    private string ProcessName()
    {
        var start = _pos;
        if (Peek != -1 && char.IsDigit((char)Peek))
        {
            while (Peek != -1 && char.IsDigit((char)Peek)) _pos++;
            return _text[start.._pos];
        }
        if (Peek is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0')
        {
            _pos++;
            return _text[start.._pos];
        }
        while (Peek != -1 && (char.IsLetterOrDigit((char)Peek) || Peek == '_')) _pos++;
        return _text[start.._pos];
    }

    private string ProcessPossibleHeredoc()
    {
        _pos++;
        if (Peek != '<') return "<";
        _pos++;
        var start = _pos;
        while (Peek is ' ' or '\t') _pos++;
        return "<<" + _text[start.._pos];
    }

    /// <summary>BuildKit's wordsStruct, plus the source range of each word.</summary>
    private sealed class WordCollector
    {
        private readonly StringBuilder _word = new();
        private bool _inWord;
        private int _start;

        public List<Word> Words { get; } = [];

        public void AddChar(char ch, int position)
        {
            if (GoText.IsSpace(ch))
            {
                if (_inWord && _word.Length != 0) Push(position);
            }
            else
            {
                AddRaw(ch.ToString(), position);
            }
        }

        public void AddRaw(string text, int position)
        {
            if (!_inWord) _start = position;
            _word.Append(text);
            _inWord = true;
        }

        /// <summary>A variable's value goes through AddChar, so white space in it splits words.</summary>
        public void AddString(string text, int start)
        {
            foreach (var ch in text) AddChar(ch, start);
        }

        public void Finish(int end)
        {
            if (_word.Length > 0) Push(end);
        }

        private void Push(int end)
        {
            Words.Add(new Word(_word.ToString(), _start, Math.Max(end, _start)));
            _word.Clear();
            _inWord = false;
        }
    }
}
