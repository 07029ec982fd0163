using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>
/// Immutable, position-free syntax node (Roslyn's "green" tree). It knows only its kind, its children and its
/// width, so an unchanged node can be shared by the trees of successive document versions. Absolute positions
/// live in the red facade (<see cref="SyntaxNode"/>).
/// </summary>
internal abstract class GreenNode
{
    protected GreenNode(GreenKind kind) => Kind = kind;

    public GreenKind Kind { get; }

    public abstract int Width { get; }

    public abstract void WriteTo(StringBuilder builder);

    public string ToFullString()
    {
        var builder = new StringBuilder(Width);
        WriteTo(builder);
        return builder.ToString();
    }
}

/// <summary>A leaf: one physical line (or trivia line) with its line break.</summary>
internal sealed class GreenToken : GreenNode
{
    public GreenToken(GreenKind kind, string text)
        : base(kind) => Text = text;

    public string Text { get; }

    public override int Width => Text.Length;

    public override void WriteTo(StringBuilder builder) => builder.Append(Text);
}

/// <summary>A node with children; its width is the sum of theirs.</summary>
internal class GreenList : GreenNode
{
    public GreenList(GreenKind kind, IReadOnlyList<GreenNode> children)
        : base(kind)
    {
        Children = children;
        var width = 0;
        foreach (var child in children) width += child.Width;
        Width = width;
    }

    public IReadOnlyList<GreenNode> Children { get; }

    public override int Width { get; }

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var child in Children) child.WriteTo(builder);
    }
}

/// <summary>
/// An instruction: its physical lines as tokens plus what the parser understood of them
/// (<see cref="InstructionData"/>, all spans relative to this node's start).
/// </summary>
internal sealed class GreenInstruction : GreenList
{
    public GreenInstruction(IReadOnlyList<GreenNode> children, InstructionData data, char escapeChar)
        : base(GreenKind.Instruction, children)
    {
        Data = data;
        EscapeChar = escapeChar;
    }

    public InstructionData Data { get; }

    /// <summary>The escape character this node was parsed with; a node can only be reused under the same one.</summary>
    public char EscapeChar { get; }
}
