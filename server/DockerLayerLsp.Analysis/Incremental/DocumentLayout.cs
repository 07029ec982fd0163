using System.Collections.Immutable;
using DockerLayerLsp.Syntax;
using DockerLayerLsp.Syntax.Incremental;

namespace DockerLayerLsp.Analysis.Incremental;

/// <summary>One stage's share of the tree: root children [<see cref="FirstChild"/>, +<see cref="ChildCount"/>), FROM first.</summary>
internal sealed record StageLayout(int FirstChild, int ChildCount, int Start, int StartLine, ImmutableArray<InstructionSyntax> Instructions);

/// <summary>
/// The Layout step's output: the prologue (children before the first FROM; its ARGs are global) and the stages,
/// each as a range of root children. Identities come from <see cref="IncrementalSyntax.GetChildIdentities"/>, so two
/// layouts can tell which stages an edit touched without looking at any text.
/// </summary>
internal sealed class DocumentLayout
{
    private DocumentLayout(SyntaxTree tree, IReadOnlyList<object> identities, int prologueChildCount, ImmutableArray<InstructionSyntax> prologue, StageLayout[] stages)
    {
        Tree = tree;
        Identities = identities;
        PrologueChildCount = prologueChildCount;
        Prologue = prologue;
        Stages = stages;
    }

    public SyntaxTree Tree { get; }

    public IReadOnlyList<object> Identities { get; }

    public int PrologueChildCount { get; }

    /// <summary>Instructions before the first FROM (the model keeps their ARGs as global build arguments).</summary>
    public ImmutableArray<InstructionSyntax> Prologue { get; }

    public StageLayout[] Stages { get; }

    public static DocumentLayout Create(SyntaxTree tree)
    {
        var children = tree.Root.Children;
        var identities = tree.GetChildIdentities();
        var prologue = ImmutableArray.CreateBuilder<InstructionSyntax>();
        var stages = new List<StageLayout>();
        var instructions = ImmutableArray.CreateBuilder<InstructionSyntax>();
        var stageStart = -1;

        void FinishStage(int end)
        {
            if (stageStart < 0) return;
            var start = children[stageStart].FullSpan.Start;
            stages.Add(new StageLayout(stageStart, end - stageStart, start, tree.Text.GetLineIndex(start), instructions.ToImmutable()));
            instructions.Clear();
        }

        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is not InstructionSyntax instruction) continue;
            if (instruction.Kind == InstructionKind.From)
            {
                FinishStage(i);
                stageStart = i;
            }
            (stageStart < 0 ? prologue : instructions).Add(instruction);
        }
        FinishStage(children.Count);
        var prologueChildCount = stages.Count > 0 ? stages[0].FirstChild : children.Count;
        return new DocumentLayout(tree, identities, prologueChildCount, prologue.ToImmutable(), [.. stages]);
    }

    /// <summary>True when the prologue holds the same green nodes in both layouts.</summary>
    public bool PrologueEquals(DocumentLayout other)
        => RangeEquals(Identities, 0, PrologueChildCount, other.Identities, 0, other.PrologueChildCount);

    /// <summary>True when stage <paramref name="index"/> holds the same green nodes (same instructions and trivia) in both layouts.</summary>
    public bool StageEquals(int index, DocumentLayout other)
    {
        if (index >= Stages.Length || index >= other.Stages.Length) return false;
        var mine = Stages[index];
        var theirs = other.Stages[index];
        return RangeEquals(Identities, mine.FirstChild, mine.ChildCount, other.Identities, theirs.FirstChild, theirs.ChildCount);
    }

    /// <summary>True when stage <paramref name="index"/>'s FROM line is the same green node in both layouts.</summary>
    public bool FromEquals(int index, DocumentLayout other)
        => index < Stages.Length && index < other.Stages.Length
           && ReferenceEquals(Identities[Stages[index].FirstChild], other.Identities[other.Stages[index].FirstChild]);

    private static bool RangeEquals(IReadOnlyList<object> a, int aStart, int aCount, IReadOnlyList<object> b, int bStart, int bCount)
    {
        if (aCount != bCount) return false;
        for (var i = 0; i < aCount; i++)
        {
            if (!ReferenceEquals(a[aStart + i], b[bStart + i])) return false;
        }
        return true;
    }
}
