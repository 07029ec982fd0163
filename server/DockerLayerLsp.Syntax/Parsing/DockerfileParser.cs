using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>What the parser produces for a whole file: the green root and file-level facts.</summary>
internal sealed record ParseResult(
    GreenList Root,
    char EscapeChar,
    IReadOnlyList<ParserDirective> Directives,
    IReadOnlyList<SyntaxDiagnostic> FileDiagnostics);

/// <summary>
/// The file-level loop of BuildKit's parser: physical lines become trivia (blank, comment, directive lines) or
/// instructions (first line + continuation lines + interior comment/empty lines + heredoc bodies). Every character
/// of the input ends up in exactly one green token, so the tree prints back to the input byte for byte.
/// </summary>
internal sealed class DockerfileParser
{
    /// <summary>BuildKit's scanner limit (bufio.MaxScanTokenSize - 1) for one physical line, in UTF-8 bytes.</summary>
    private const int MaxLineBytes = 65535;

    private readonly string _text;
    private readonly List<PhysicalLine> _lines;
    private readonly DirectiveParser _directives = new();
    private readonly List<SyntaxDiagnostic> _fileDiagnostics = [];
    private readonly List<GreenNode> _children = [];

    // Dockerfiles repeat lines (package lists, `WORKDIR /app`, `RUN npm ci`) and the tree keeps a string per line:
    // equal lines of one parse share one string (on a generated 50,000-line file, 13,000 distinct lines).
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lineStrings =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private DockerfileParser(string text)
    {
        _text = text;
        _lines = PhysicalLine.Split(text);
    }

    public static ParseResult Parse(string text) => new DockerfileParser(text).Run();

    private ParseResult Run()
    {
        CheckLineLengths();
        var instructionCount = 0;
        var index = 0;
        while (index < _lines.Count)
        {
            var line = _lines[index];
            var contentStart = line.Start;
            if (index == 0 && _text.Length > 0 && _text[0] == '\uFEFF') contentStart++;
            var stripped = contentStart;
            while (stripped < line.ContentEnd && GoText.IsSpace(_text[stripped])) stripped++;

            var isDirective = !_directives.IsDone && _directives.Offer(_text[stripped..line.ContentEnd], stripped, _fileDiagnostics);
            if (stripped == line.ContentEnd || _text[stripped] == '#')
            {
                var kind = isDirective ? GreenKind.DirectiveLine : stripped == line.ContentEnd ? GreenKind.BlankLine : GreenKind.CommentLine;
                _children.Add(Token(kind, line));
                index++;
                continue;
            }

            index = ParseInstruction(index, stripped);
            instructionCount++;
        }

        if (instructionCount == 0)
        {
            _fileDiagnostics.Add(SyntaxDiagnosticDescriptor.NoInstructions.Create(new TextSpan(0, 0)));
        }
        return new ParseResult(new GreenList(GreenKind.Dockerfile, _children), _directives.EscapeChar, _directives.Directives, _fileDiagnostics);
    }

    /// <summary>Parses the instruction whose first line is <paramref name="first"/>; returns the index of the next unconsumed line.</summary>
    private int ParseInstruction(int first, int strippedStart)
    {
        var escape = _directives.EscapeChar;
        var nodeStart = _lines[first].Start;
        var tokens = new List<GreenNode>();
        var logical = new StringBuilder();
        var map = new List<int>();

        void Append(int start, int end)
        {
            logical.Append(_text, start, end - start);
            for (var i = start; i < end; i++) map.Add(i - nodeStart);
        }

        var line = _lines[first];
        var (keptEnd, continues) = LineContinuation.Trim(_text, strippedStart, line.ContentEnd, escape);
        Append(strippedStart, keptEnd);
        var lastMapped = keptEnd - nodeStart;
        tokens.Add(Token(GreenKind.InstructionLine, line));

        var next = first + 1;
        TextSpan? firstEmptyLine = null;
        while (continues && next < _lines.Count)
        {
            line = _lines[next++];
            var content = line.Start;
            while (content < line.ContentEnd && GoText.IsSpace(_text[content])) content++;
            if (content < line.ContentEnd && _text[content] == '#')
            {
                tokens.Add(Token(GreenKind.InteriorCommentLine, line));
                continue;
            }
            if (content == line.ContentEnd)
            {
                firstEmptyLine ??= TextSpan.FromBounds(line.Start - nodeStart, line.ContentEnd - nodeStart);
                tokens.Add(Token(GreenKind.EmptyContinuationLine, line));
                continue;
            }
            (keptEnd, continues) = LineContinuation.Trim(_text, line.Start, line.ContentEnd, escape);
            Append(line.Start, keptEnd);
            lastMapped = keptEnd - nodeStart;
            tokens.Add(Token(GreenKind.ContinuationLine, line));
        }

        map.Add(lastMapped);
        var mapped = new MappedText(logical.ToString(), map.ToArray());
        var data = InstructionParser.Parse(mapped, escape);
        if (firstEmptyLine is { } emptySpan)
        {
            data.AddDiagnostic(SyntaxDiagnosticDescriptor.EmptyContinuationLine.Create(emptySpan, mapped.Text));
        }

        next = ParseHeredocs(data, mapped, nodeStart, next, tokens);
        var last = _lines[next - 1];
        data.SpanEnd = last.ContentEnd - nodeStart;
        _children.Add(new GreenInstruction(tokens, data));
        return next;
    }

    private int ParseHeredocs(InstructionData data, MappedText logical, int nodeStart, int next, List<GreenNode> tokens)
    {
        var target = data.Kind == InstructionKind.Onbuild && data.Nested is not null ? data.Nested : data;
        if (!InstructionTable.Lookup(target.Keyword).CanContainHeredoc || target.Form == ArgumentForm.Exec || !logical.Text.Contains("<<"))
        {
            return next;
        }

        var declarations = HeredocDetector.Detect(logical.Text, out var error);
        if (error is { } e)
        {
            data.AddDiagnostic(SyntaxDiagnosticDescriptor.InvalidHeredocWord.Create(logical.SpanOf(e.Start, e.End), e.Message));
        }

        foreach (var declaration in declarations)
        {
            var bodyStart = next < _lines.Count ? _lines[next].Start : _text.Length;
            var raw = new StringBuilder();
            var terminated = false;
            var terminator = new TextSpan(_text.Length - nodeStart, 0);
            while (next < _lines.Count)
            {
                var line = _lines[next++];
                var candidateStart = line.Start;
                if (declaration.Chomp)
                {
                    while (candidateStart < line.ContentEnd && _text[candidateStart] == '\t') candidateStart++;
                }
                if (line.ContentEnd - candidateStart == declaration.Name.Length
                    && string.CompareOrdinal(_text, candidateStart, declaration.Name, 0, declaration.Name.Length) == 0)
                {
                    terminated = true;
                    terminator = TextSpan.FromBounds(line.Start - nodeStart, line.ContentEnd - nodeStart);
                    tokens.Add(Token(GreenKind.HeredocTerminatorLine, line));
                    break;
                }
                raw.Append(_text, line.Start, line.End - line.Start);
                tokens.Add(Token(GreenKind.HeredocBodyLine, line));
            }

            var bodyEnd = terminated ? terminator.Start + nodeStart : _text.Length;
            var wordSpan = logical.SpanOf(declaration.WordStart, declaration.WordEnd);
            var rawContent = raw.ToString();
            var heredoc = new HeredocSyntax(
                declaration.Name,
                declaration.Chomp ? StripLeadingTabs(rawContent) : rawContent,
                rawContent,
                declaration.Expand,
                declaration.Chomp,
                declaration.FileDescriptor,
                wordSpan,
                TextSpan.FromBounds(bodyStart - nodeStart, bodyEnd - nodeStart),
                terminator,
                terminated);
            data.AddHeredoc(heredoc);
            if (!ReferenceEquals(target, data)) target.AddHeredoc(heredoc);
            if (!terminated)
            {
                data.AddDiagnostic(SyntaxDiagnosticDescriptor.UnterminatedHeredoc.Create(wordSpan));
            }
        }
        return next;
    }

    /// <summary>What the build does with a &lt;&lt;- heredoc: leading tabs removed from every line.</summary>
    private static string StripLeadingTabs(string content)
    {
        var builder = new StringBuilder(content.Length);
        var atLineStart = true;
        foreach (var c in content)
        {
            if (atLineStart && c == '\t') continue;
            atLineStart = c == '\n';
            builder.Append(c);
        }
        return builder.ToString();
    }

    private GreenToken Token(GreenKind kind, PhysicalLine line)
    {
        var span = _text.AsSpan(line.Start, line.End - line.Start);
        if (!_lineStrings.TryGetValue(span, out var text))
        {
            text = span.ToString();
            _lineStrings.Dictionary.Add(text, text);
        }
        return new GreenToken(kind, text);
    }

    private void CheckLineLengths()
    {
        foreach (var line in _lines)
        {
            var length = line.End - line.Start;
            if (length * 3 <= MaxLineBytes) continue;
            var contentEnd = line.End > line.Start && _text[line.End - 1] == '\n' ? line.End - 1 : line.End;
            var bytes = Encoding.UTF8.GetByteCount(_text.AsSpan(line.Start, contentEnd - line.Start));
            if (bytes > MaxLineBytes)
            {
                _fileDiagnostics.Add(SyntaxDiagnosticDescriptor.LineTooLong.Create(TextSpan.FromBounds(line.Start, line.ContentEnd)));
            }
        }
    }
}
