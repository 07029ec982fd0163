namespace DockerLayerLsp.Syntax;

/// <summary>
/// One instruction with everything BuildKit's parser knows about it, in absolute source positions.
/// The logical argument text (<see cref="ArgumentText"/>) maps back to the source with <see cref="MapArgumentOffset"/>.
/// </summary>
public sealed class InstructionSyntax : SyntaxNode
{
    private readonly GreenInstruction _green;
    private readonly InstructionData _data;
    private readonly int _position;
    // Every version's root creates a red node per instruction, and most are never asked for more than their kind and
    // span: the derived lists live in one object made on first use, which keeps each red node small.
    private Derived? _derived;

    private sealed class Derived
    {
        public IReadOnlyList<FlagSyntax>? Flags;
        public IReadOnlyList<WordSyntax>? Words;
        public IReadOnlyList<ExecArgument>? ExecArguments;
        public IReadOnlyList<KeyValueSyntax>? KeyValues;
        public IReadOnlyList<HeredocSyntax>? Heredocs;
        public IReadOnlyList<CommentSyntax>? LeadingComments;
        public IReadOnlyList<CommentSyntax>? InteriorComments;
        public IReadOnlyList<string>? PrevComments;
        public IReadOnlyList<SyntaxDiagnostic>? Diagnostics;
        public InstructionSyntax? Onbuild;
    }

    private Derived Cache => _derived ??= new Derived();

    internal InstructionSyntax(SyntaxTree tree, SyntaxNode parent, GreenInstruction green, InstructionData data, int position, bool isNested)
        : base(tree, parent, isNested ? position + data.KeywordSpan.Start : position,
               isNested ? green.Data.SpanEnd - data.KeywordSpan.Start : green.Width)
    {
        _green = green;
        _data = data;
        _position = position;
        IsNested = isNested;
    }

    internal InstructionData Data => _data;

    /// <summary>Index among the root's children (-1 for a nested instruction); lets sibling lookups stay O(1).</summary>
    internal int IndexInParent { get; init; } = -1;

    internal GreenInstruction Green => _green;

    /// <summary>True for the instruction wrapped by ONBUILD.</summary>
    public bool IsNested { get; }

    public InstructionKind Kind => _data.Kind;

    /// <summary>The command word as written (case kept).</summary>
    public string Keyword => _data.Keyword;

    public TextSpan KeywordSpan => _data.KeywordSpan.Shifted(_position);

    /// <summary>From the keyword through the last character of the last consumed line (continuations, heredoc bodies, terminators), without the final break.</summary>
    public override TextSpan Span => TextSpan.FromBounds(KeywordSpan.Start, Math.Max(KeywordSpan.Start, _green.Data.SpanEnd + _position));

    /// <summary>
    /// BuildKit's StartLine (0-based): the first physical line consumed, which is the keyword's line except after a line
    /// holding only the escape character.
    /// </summary>
    public override int StartLine => Tree.Text.GetLineIndex(IsNested ? Span.Start : FullSpan.Start);

    public IReadOnlyList<FlagSyntax> Flags => Cache.Flags ??= _data.Flags.Select(f => f.Shift(_position)).ToArray();

    public ArgumentForm Form => _data.Form;

    /// <summary>The logical argument text after the flags: continuations joined as BuildKit joins them, interior comments dropped, trimmed.</summary>
    public string ArgumentText => _data.Arguments.Text;

    /// <summary>Source span from the first to the last character of <see cref="ArgumentText"/> (may include continuation lines and interior comments).</summary>
    public TextSpan ArgumentSpan => (_data.Arguments.Length == 0
        ? new TextSpan(_data.Arguments.OffsetAt(0), 0)
        : _data.Arguments.SpanOf(0, _data.Arguments.Length)).Shifted(_position);

    /// <summary>Source offset of the character at <paramref name="indexInArgumentText"/> (the end maps just after the last character).</summary>
    public int MapArgumentOffset(int indexInArgumentText) => _data.Arguments.OffsetAt(indexInArgumentText) + _position;

    /// <summary>Source span of [start, end) in <see cref="ArgumentText"/>.</summary>
    public TextSpan MapArgumentSpan(int start, int end) =>
        _data.Arguments.SpanOf(Math.Clamp(start, 0, _data.Arguments.Length), Math.Clamp(end, 0, _data.Arguments.Length)).Shifted(_position);

    /// <summary>Shell-style words of <see cref="ArgumentText"/> (empty for exec form).</summary>
    public IReadOnlyList<WordSyntax> Words => Cache.Words ??= ComputeWords();

    public IReadOnlyList<ExecArgument>? ExecArguments =>
        _data.ExecArguments is null ? null : Cache.ExecArguments ??= _data.ExecArguments.Select(a => a.Shift(_position)).ToArray();

    /// <summary>ENV/LABEL pairs and ARG declarations.</summary>
    public IReadOnlyList<KeyValueSyntax> KeyValues => Cache.KeyValues ??= _data.KeyValues.Select(k => k.Shift(_position)).ToArray();

    public IReadOnlyList<HeredocSyntax> Heredocs => Cache.Heredocs ??= _data.Heredocs.Select(h => h.Shift(_position)).ToArray();

    /// <summary>The instruction ONBUILD wraps (null for other instructions or an empty ONBUILD).</summary>
    public InstructionSyntax? OnbuildInstruction =>
        _data.Nested is null ? null : Cache.Onbuild ??= new InstructionSyntax(Tree, this, _green, _data.Nested, _position, isNested: true);

    /// <summary>Comment lines directly above (no blank line between); they belong with the instruction when it moves.</summary>
    public IReadOnlyList<CommentSyntax> LeadingComments => Cache.LeadingComments ??= ComputeLeadingComments();

    /// <summary>
    /// BuildKit's Node.PrevComment, which its lint rules read (InvalidDefinitionDescription, per-instruction <c># check=</c>):
    /// the comment lines since the previous instruction, each with its first character dropped and then trimmed (so an
    /// indented comment keeps its '#'). A bare '#' line clears the list, blank lines do not, directive lines are left out.
    /// </summary>
    public IReadOnlyList<string> PrevComments => Cache.PrevComments ??= ComputePrevComments();

    /// <summary>Comment lines inside a continued instruction (BuildKit drops them from the arguments).</summary>
    public IReadOnlyList<CommentSyntax> InteriorComments => Cache.InteriorComments ??= ComputeInteriorComments();

    /// <summary>Diagnostics whose origin is this instruction.</summary>
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics => Cache.Diagnostics ??= _data.Diagnostics.Select(d => d.Shift(_position)).ToArray();

    /// <summary>BuildKit's value strings for this node (for ONBUILD: empty, see <see cref="OnbuildInstruction"/>).</summary>
    public IReadOnlyList<string> DumpValues => _data.DumpValues;

    /// <summary>BuildKit's dump of this node, e.g. <c>(copy ["--from=build"] "a" "/b")</c>.</summary>
    public string ToBuildKitDump() => "(" + BuildKitDump.FormatNode(_data) + ")";

    private WordSyntax[] ComputeWords()
    {
        if (_data.Form == ArgumentForm.Exec) return [];
        var text = _data.Arguments.Text;
        var words = ShellLexer.Process(text, new ShellLexer.Options(Tree.EscapeChar, RawQuotes: false, RawEscapes: false)).Words;
        return words.Select(w => new WordSyntax(text[w.Start..w.End], w.Value, MapArgumentSpan(w.Start, w.End))).ToArray();
    }

    private CommentSyntax[] ComputeLeadingComments()
    {
        if (Parent is not DockerfileSyntax root || IndexInParent < 0) return [];
        var index = IndexInParent;
        var comments = new List<CommentSyntax>();
        for (var i = index - 1; i >= 0 && root.Children[i] is CommentSyntax comment; i--) comments.Add(comment);
        comments.Reverse();
        return comments.ToArray();
    }

    private string[] ComputePrevComments()
    {
        if (Parent is not DockerfileSyntax root || IndexInParent < 0) return [];
        var comments = new List<string>();
        for (var i = IndexInParent - 1; i >= 0 && root.Children[i] is not InstructionSyntax; i--)
        {
            if (root.Children[i] is not CommentSyntax comment) continue;
            var line = Tree.Text.ToString(comment.FullSpan);
            if (comment.FullSpan.Start == 0 && line.StartsWith('\uFEFF')) line = line[1..];
            var text = line[1..].Trim();
            if (text.Length == 0) break; // a bare '#' resets the list: nothing before it counts
            comments.Add(text);
        }
        comments.Reverse();
        return comments.ToArray();
    }

    private CommentSyntax[] ComputeInteriorComments()
    {
        if (IsNested) return [];
        var comments = new List<CommentSyntax>();
        var position = _position;
        foreach (var token in _green.Children)
        {
            if (token.Kind == GreenKind.InteriorCommentLine) comments.Add(new CommentSyntax(Tree, this, position, token.Width));
            position += token.Width;
        }
        return comments.ToArray();
    }
}
