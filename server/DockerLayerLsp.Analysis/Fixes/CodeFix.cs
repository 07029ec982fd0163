using System.Collections.Immutable;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Fixes;

/// <summary>ruff's classification: safe fixes keep what the build produces; unsafe ones may change it.</summary>
public enum FixSafety
{
    Safe,
    Unsafe,
}

/// <summary>A fix as text edits on the analysed text; it never mutates anything itself.</summary>
/// <param name="Note">Why the fix is unsafe, or what the user should check; null for plain safe fixes.</param>
public sealed record CodeFix(string Title, FixSafety Safety, ImmutableArray<TextChange> Edits, string? Note = null)
{
    /// <summary>Editors offer preferred fixes first (LSP <c>isPreferred</c>); only safe fixes are.</summary>
    public bool IsPreferred => Safety == FixSafety.Safe;
}
