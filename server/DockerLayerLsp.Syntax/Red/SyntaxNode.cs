namespace DockerLayerLsp.Syntax;

/// <summary>
/// Positioned ("red") view of a green node, created on demand. Red nodes are cheap facades: they hold the tree,
/// their parent, their green node and an absolute position; everything else is computed from those.
/// </summary>
public abstract class SyntaxNode
{
    private protected SyntaxNode(SyntaxTree tree, SyntaxNode? parent, int position, int fullWidth)
    {
        Tree = tree;
        Parent = parent;
        FullSpan = new TextSpan(position, fullWidth);
    }

    public SyntaxTree Tree { get; }

    public SyntaxNode? Parent { get; }

    /// <summary>Whole physical lines, from the first line's start (indentation included) through the last line's break.</summary>
    public TextSpan FullSpan { get; }

    /// <summary>The meaningful part: without leading indentation and without the final line break.</summary>
    public virtual TextSpan Span => FullSpan;

    /// <summary>0-based line (LSP numbering) where the node starts.</summary>
    public virtual int StartLine => Tree.Text.GetLineIndex(Span.Start);

    /// <summary>0-based line (LSP numbering) where <see cref="Span"/> ends (spans never include a final line break).</summary>
    public int EndLine => Tree.Text.GetLineIndex(Span.End);

    public string ToFullString() => Tree.Text.ToString(FullSpan);

    public override string ToString() => Tree.Text.ToString(Span);
}

/// <summary>A comment line (between instructions, or inside a continued instruction).</summary>
public sealed class CommentSyntax : SyntaxNode
{
    // Every version's root creates a red node per comment line: the span is found in the source text, and the
    // strings are made only when someone reads them.
    private string? _text;
    private string? _content;

    internal CommentSyntax(SyntaxTree tree, SyntaxNode? parent, int position, int fullWidth)
        : base(tree, parent, position, fullWidth)
    {
        var source = tree.Text;
        var start = position;
        var end = position + fullWidth;
        while (start < end && GoText.IsSpace(source[start]) && source[start] is not ('\n' or '\r')) start++;
        while (end > start && source[end - 1] is '\r' or '\n') end--;
        Span = TextSpan.FromBounds(start, end);
    }

    public override TextSpan Span { get; }

    /// <summary>The comment as written, from '#' to the end of the line (no break).</summary>
    public string Text => _text ??= Tree.Text.ToString(Span);

    /// <summary>The text after '#', trimmed (BuildKit's PrevComment entry).</summary>
    public string Content => _content ??= Text.Length > 0 ? Text[1..].Trim() : "";
}

/// <summary>A line with nothing but white space.</summary>
public sealed class BlankLineSyntax : SyntaxNode
{
    internal BlankLineSyntax(SyntaxTree tree, SyntaxNode? parent, int position, int fullWidth)
        : base(tree, parent, position, fullWidth)
    {
    }

    public override TextSpan Span => new(FullSpan.Start, 0);
}

/// <summary>A parser directive line (<c># escape=`</c>); <see cref="Directive"/> is null for an ignored repeat.</summary>
public sealed class ParserDirectiveSyntax : SyntaxNode
{
    internal ParserDirectiveSyntax(SyntaxTree tree, SyntaxNode? parent, int position, int fullWidth)
        : base(tree, parent, position, fullWidth)
    {
        Directive = tree.Directives.FirstOrDefault(d => FullSpan.Contains(d.Span.Start));
        var comment = new CommentSyntax(tree, parent, position, fullWidth);
        Span = comment.Span;
    }

    public ParserDirective? Directive { get; }

    public override TextSpan Span { get; }
}
