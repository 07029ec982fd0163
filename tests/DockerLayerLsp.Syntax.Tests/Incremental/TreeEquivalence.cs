using System.Text;
using DockerLayerLsp.Syntax.Incremental;

namespace DockerLayerLsp.Syntax.Tests.Incremental;

/// <summary>One helper for every incremental test: the incremental tree must say exactly what a full parse says.</summary>
internal static class TreeEquivalence
{
    /// <summary>Asserts that <paramref name="actual"/> (built incrementally) is indistinguishable from <paramref name="expected"/> (a full parse).</summary>
    public static void AssertEquivalent(SyntaxTree expected, SyntaxTree actual, string context = "")
    {
        Assert.Equal(expected.Text.ToString(), actual.Text.ToString());
        Assert.Equal(expected.ToFullString(), actual.ToFullString());
        Assert.Equal(expected.EscapeChar, actual.EscapeChar);
        Assert.Equal(expected.Directives, actual.Directives);
        Assert.True(Describe(expected) == Describe(actual), $"trees differ {context}\n--- full\n{Describe(expected)}\n--- incremental\n{Describe(actual)}");
        Assert.Equal(BuildKitDump.Dump(expected).Text, BuildKitDump.Dump(actual).Text);
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
    }

    /// <summary>Every child's kind and spans, and every fact the parser derived for an instruction, one line each.</summary>
    public static string Describe(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var child in tree.Root.Children)
        {
            builder.Append(child.GetType().Name).Append(' ').Append(child.FullSpan).Append(' ').Append(child.Span);
            if (child is InstructionSyntax instruction) Describe(builder, instruction);
            builder.Append('\n');
        }
        return builder.ToString();
    }

    private static void Describe(StringBuilder builder, InstructionSyntax instruction)
    {
        builder.Append(' ').Append(instruction.Kind).Append(' ').Append(instruction.KeywordSpan)
            .Append(' ').Append(instruction.ToBuildKitDump())
            .Append(" args=").Append(instruction.ArgumentSpan).Append(' ').Append(instruction.Form)
            .Append(" flags=").AppendJoin(';', instruction.Flags)
            .Append(" exec=").AppendJoin(';', instruction.ExecArguments ?? [])
            .Append(" kv=").AppendJoin(';', instruction.KeyValues)
            .Append(" heredocs=").AppendJoin(';', instruction.Heredocs)
            .Append(" words=").AppendJoin(';', instruction.Words)
            .Append(" interior=").AppendJoin(';', instruction.InteriorComments.Select(c => c.Span))
            .Append(" diagnostics=").AppendJoin(';', instruction.Diagnostics);
        if (instruction.OnbuildInstruction is { } nested)
        {
            builder.Append(" onbuild{");
            Describe(builder, nested);
            builder.Append('}');
        }
    }

    /// <summary>The old root's green children that the new root still holds (the same objects).</summary>
    public static int SharedGreenChildren(SyntaxTree before, SyntaxTree after)
    {
        var old = new HashSet<object>(before.Result.Root.Children, ReferenceEqualityComparer.Instance);
        return after.Result.Root.Children.Count(old.Contains);
    }

    public static (SyntaxTree Tree, ReparseInfo Info) Edit(SyntaxTree tree, params TextChange[] changes) => TreeReparser.WithChanges(tree, changes);
}
