using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>What the parser produces for a whole file: the green root and file-level facts.</summary>
internal sealed record ParseResult(
    GreenList Root,
    char EscapeChar,
    IReadOnlyList<ParserDirective> Directives,
    IReadOnlyList<SyntaxDiagnostic> DirectiveDiagnostics,
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
    private readonly DirectiveParser _directives;
    private readonly List<SyntaxDiagnostic> _directiveDiagnostics = [];
    private readonly List<GreenNode> _children = [];

    private DockerfileParser(string text, DirectiveParser directives)
    {
        _text = text;
        _lines = PhysicalLine.Split(text);
        _directives = directives;
    }

    public static ParseResult Parse(string text) => new DockerfileParser(text, new DirectiveParser()).Run(0, null);

    /// <summary>
    /// Parses <paramref name="newText"/>, which is <paramref name="old"/>'s text with [changeStart, oldChangeEnd) replaced
    /// (ending at <paramref name="newChangeEnd"/> in the new text). Children before the change and, once the parser is back
    /// on an old child boundary after the change, all following children are reused as they are: between two top-level
    /// nodes the parser carries no state except the escape character, which only the directive lines can change.
    /// </summary>
    public static ParseResult Reparse(string newText, ParseResult old, int changeStart, int oldChangeEnd, int newChangeEnd)
    {
        var oldChildren = old.Root.Children;
        var starts = new int[oldChildren.Count + 1];
        for (var i = 0; i < oldChildren.Count; i++) starts[i + 1] = starts[i] + oldChildren[i].Width;

        // Any edit up to the end of the first non-directive line may add, remove or end directives: parse from scratch.
        var firstNonDirective = 0;
        while (firstNonDirective < oldChildren.Count && oldChildren[firstNonDirective].Kind == GreenKind.DirectiveLine) firstNonDirective++;
        if (firstNonDirective >= oldChildren.Count) return Parse(newText);
        var firstNode = oldChildren[firstNonDirective];
        var firstLineEnd = starts[firstNonDirective] + (firstNode is GreenList list ? list.Children[0].Width : firstNode.Width);
        if (changeStart < firstLineEnd) return Parse(newText);

        // Restart one child before the edited one: the previous node may now continue into the edited lines.
        var containing = Array.BinarySearch(starts, 0, oldChildren.Count, changeStart);
        containing = containing >= 0 ? containing : ~containing - 1;
        var restart = Math.Max(firstNonDirective, Math.Min(containing, oldChildren.Count - 1) - 1);

        var parser = new DockerfileParser(newText, new DirectiveParser(old.EscapeChar, old.Directives));
        parser._directiveDiagnostics.AddRange(old.DirectiveDiagnostics);
        for (var i = 0; i < restart; i++) parser._children.Add(oldChildren[i]);
        var sync = new Resync(oldChildren, starts, newChangeEnd, newText.Length - old.Root.Width);
        return parser.Run(parser.LineIndexAt(starts[restart]), sync);
    }

    /// <summary>Where the old tree can take over again after an edit.</summary>
    private sealed record Resync(IReadOnlyList<GreenNode> OldChildren, int[] OldStarts, int NewChangeEnd, int Delta);

    private int LineIndexAt(int offset)
    {
        int low = 0, high = _lines.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (_lines[mid].Start == offset) return mid;
            if (_lines[mid].Start < offset) low = mid + 1;
            else high = mid - 1;
        }
        return low;
    }

    private ParseResult Run(int index, Resync? sync)
    {
        while (index < _lines.Count)
        {
            if (sync is not null && TryResync(sync, _lines[index].Start)) break;

            var line = _lines[index];
            var contentStart = line.Start;
            if (index == 0 && _text.Length > 0 && _text[0] == '\uFEFF') contentStart++;
            var stripped = contentStart;
            while (stripped < line.ContentEnd && GoText.IsSpace(_text[stripped])) stripped++;

            var isDirective = !_directives.IsDone && _directives.Offer(_text[stripped..line.ContentEnd], stripped, _directiveDiagnostics);
            if (stripped == line.ContentEnd || _text[stripped] == '#')
            {
                var kind = isDirective ? GreenKind.DirectiveLine : stripped == line.ContentEnd ? GreenKind.BlankLine : GreenKind.CommentLine;
                _children.Add(new GreenToken(kind, _text[line.Start..line.End]));
                index++;
                continue;
            }

            index = ParseInstruction(index, stripped);
        }

        var fileDiagnostics = new List<SyntaxDiagnostic>(_directiveDiagnostics);
        CheckLineLengths(fileDiagnostics);
        if (!_children.Any(c => c is GreenInstruction))
        {
            fileDiagnostics.Add(SyntaxDiagnosticDescriptor.NoInstructions.Create(new TextSpan(0, 0)));
        }
        return new ParseResult(new GreenList(GreenKind.Dockerfile, _children), _directives.EscapeChar, _directives.Directives,
            _directiveDiagnostics, fileDiagnostics);
    }

    /// <summary>Past the edit and on an old child boundary: append the old children from there and report success.</summary>
    private bool TryResync(Resync sync, int newOffset)
    {
        if (newOffset < sync.NewChangeEnd) return false;
        var oldOffset = newOffset - sync.Delta;
        var index = Array.BinarySearch(sync.OldStarts, 0, sync.OldChildren.Count, oldOffset);
        if (index < 0) return false;
        for (var i = index; i < sync.OldChildren.Count; i++) _children.Add(sync.OldChildren[i]);
        return true;
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
            data.Diagnostics.Add(SyntaxDiagnosticDescriptor.EmptyContinuationLine.Create(emptySpan, mapped.Text));
        }

        next = ParseHeredocs(data, mapped, nodeStart, next, tokens);
        var last = _lines[next - 1];
        data.SpanEnd = last.ContentEnd - nodeStart;
        data.LineCount = next - first;
        _children.Add(new GreenInstruction(tokens, data, escape));
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
            data.Diagnostics.Add(SyntaxDiagnosticDescriptor.InvalidHeredocWord.Create(logical.SpanOf(e.Start, e.End), e.Message));
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
            data.Heredocs.Add(heredoc);
            if (!ReferenceEquals(target, data)) target.Heredocs.Add(heredoc);
            if (!terminated)
            {
                data.Diagnostics.Add(SyntaxDiagnosticDescriptor.UnterminatedHeredoc.Create(wordSpan));
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

    private GreenToken Token(GreenKind kind, PhysicalLine line) => new(kind, _text[line.Start..line.End]);

    private void CheckLineLengths(List<SyntaxDiagnostic> diagnostics)
    {
        foreach (var line in _lines)
        {
            var length = line.End - line.Start;
            if (length * 3 <= MaxLineBytes) continue;
            var contentEnd = line.End > line.Start && _text[line.End - 1] == '\n' ? line.End - 1 : line.End;
            var bytes = Encoding.UTF8.GetByteCount(_text.AsSpan(line.Start, contentEnd - line.Start));
            if (bytes > MaxLineBytes)
            {
                diagnostics.Add(SyntaxDiagnosticDescriptor.LineTooLong.Create(TextSpan.FromBounds(line.Start, line.ContentEnd)));
            }
        }
    }
}
