using DockerLayerLsp.Analysis.Findings;

namespace DockerLayerLsp.Analysis;

/// <summary>User settings: rules switched on/off and severity per rule, by rule ID.</summary>
public sealed record AnalyzerOptions(
    IReadOnlyDictionary<string, bool>? EnabledRules = null,
    IReadOnlyDictionary<string, FindingSeverity>? Severities = null)
{
    public static AnalyzerOptions Default { get; } = new();

    public bool IsEnabled(string ruleId) => EnabledRules is null || !EnabledRules.TryGetValue(ruleId, out var on) || on;

    public FindingSeverity SeverityOf(RuleDescriptor rule)
        => Severities is not null && Severities.TryGetValue(rule.Id, out var severity) ? severity : rule.DefaultSeverity;
}
