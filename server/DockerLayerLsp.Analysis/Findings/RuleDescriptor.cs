namespace DockerLayerLsp.Analysis.Findings;

/// <summary>The documentation every rule carries; the same text feeds <c>dockerlayer rule</c> and hovers.</summary>
public sealed record RuleDocumentation(
    string WhatItDoes,
    string WhyItMatters,
    string Example,
    string UseInstead,
    string FixSafety);

/// <summary>A rule's stable identity: ID, readable name, default severity and help link (Roslyn's descriptor).</summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    FindingSeverity DefaultSeverity,
    RuleDocumentation Documentation)
{
    public string HelpUri => $"https://github.com/dockerlayerlsp/dockerlayerlsp/blob/main/docs/rules/{Id}.md";
}
