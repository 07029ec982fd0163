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
    public IReadOnlyList<InstructionSyntax> Instructions => _instructions ??= CollectInstructions();

    /// <summary>Counted first, so a large file gets one array of the final size instead of a growing buffer per version.</summary>
    private InstructionSyntax[] CollectInstructions()
    {
        var children = Children;
        var count = 0;
        foreach (var child in children) count += child is InstructionSyntax ? 1 : 0;
        var instructions = new InstructionSyntax[count];
        var at = 0;
        foreach (var child in children)
        {
            if (child is InstructionSyntax instruction) instructions[at++] = instruction;
        }
        return instructions;
    }

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
