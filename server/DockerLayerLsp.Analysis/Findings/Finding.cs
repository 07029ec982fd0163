using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Findings;

/// <summary>A place in the file that a rule (or the parser) relates to a finding, with why.</summary>
public sealed record RelatedLocation(TextSpan Span, string Message);

/// <summary>One reported problem: what rule, where, why, and the fixes that address it.</summary>
public sealed record Finding(
    RuleDescriptor Rule,
    FindingSeverity Severity,
    string Message,
    TextSpan Span,
    ImmutableArray<RelatedLocation> Related,
    ImmutableArray<CodeFix> Fixes)
{
    public string RuleId => Rule.Id;

    /// <summary>Identifies the finding within one document version (rule + span), for code-action round trips.</summary>
    public string Id => $"{Rule.Id}@{Span.Start}:{Span.Length}";
}
