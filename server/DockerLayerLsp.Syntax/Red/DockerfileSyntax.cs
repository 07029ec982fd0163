namespace DockerLayerLsp.Syntax;

/// <summary>The root: every line of the file is in exactly one child, in order, so the children's full spans tile the text.</summary>
public sealed class DockerfileSyntax : SyntaxNode
{
    private readonly GreenList _green;
    private IReadOnlyList<SyntaxNode>? _children;
    private IReadOnlyList<InstructionSyntax>? _instructions;

    internal DockerfileSyntax(SyntaxTree tree, GreenList green)
        : base(tree, null, 0, green.Width) => _green = green;

    /// <summary>Instructions and trivia lines (comments, blank lines, directive lines), in file order.</summary>
    public IReadOnlyList<SyntaxNode> Children => _children ??= CreateChildren();

    /// <summary>Top-level instructions in file order.</summary>
    public IReadOnlyList<InstructionSyntax> Instructions => _instructions ??= Children.OfType<InstructionSyntax>().ToArray();

    private SyntaxNode[] CreateChildren()
    {
        var children = new SyntaxNode[_green.Children.Count];
        var position = 0;
        for (var i = 0; i < children.Length; i++)
        {
            var green = _green.Children[i];
            children[i] = green switch
            {
                GreenInstruction instruction => new InstructionSyntax(Tree, this, instruction, instruction.Data, position, isNested: false) { IndexInParent = i },
                { Kind: GreenKind.CommentLine } => new CommentSyntax(Tree, this, position, green.Width),
                { Kind: GreenKind.DirectiveLine } => new ParserDirectiveSyntax(Tree, this, position, green.Width),
                _ => new BlankLineSyntax(Tree, this, position, green.Width),
            };
            position += green.Width;
        }
        return children;
    }
}
