namespace DockerLayerLsp.Syntax.Incremental;

/// <summary>
/// What incremental consumers (the analysis pipeline) may know about the green tree without seeing it: an identity
/// per top-level child. Two trees hold the same identity object for a child exactly when incremental reparsing
/// carried that child over unchanged, so a cache keyed by identities is invalidated only by what an edit touched.
/// </summary>
public static class IncrementalSyntax
{
    /// <summary>One identity per element of <see cref="DockerfileSyntax.Children"/>, index for index; compare with <see cref="object.ReferenceEquals"/>.</summary>
    public static IReadOnlyList<object> GetChildIdentities(this SyntaxTree tree) => tree.Result.Root.Children;

    /// <summary>True when both instructions stand on the same green node: same text, parsed the same way (Roslyn's IsIncrementallyIdenticalTo).</summary>
    public static bool IsIncrementallyIdenticalTo(this InstructionSyntax instruction, InstructionSyntax other)
        => ReferenceEquals(instruction.Green, other.Green) && instruction.IsNested == other.IsNested;
}
