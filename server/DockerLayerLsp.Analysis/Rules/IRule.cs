using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Model;

namespace DockerLayerLsp.Analysis.Rules;

/// <summary>What a rule sees: the semantic model and, when known, the build context's files.</summary>
public sealed record RuleContext(SemanticModel Model, BuildContext.BuildContext? BuildContext, FindingSeverity Severity);

/// <summary>An analyzer with one stable rule ID; it reports findings with their fixes.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }
    IEnumerable<Finding> Analyze(RuleContext context);

    /// <summary>Joins findings that analyses of single stages report separately (one source COPY in a base stage reaching
    /// installs in several stages built on it). Both analyzers pass every finding of the rule in the document.</summary>
    IEnumerable<Finding> CombineAcrossStages(IReadOnlyList<Finding> findings) => findings;
}
