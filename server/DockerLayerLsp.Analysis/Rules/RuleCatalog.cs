using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Rules.BuildContextSources;
using DockerLayerLsp.Analysis.Rules.CacheOrder;
using DockerLayerLsp.Analysis.Rules.SystemPackages;

namespace DockerLayerLsp.Analysis.Rules;

/// <summary>Every rule the analyzer runs, in ID order.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } = [new DependencyInstallAfterBroadCopyRule(), new SystemPackagesAfterBroadCopyRule(), new CopySourceNotInContextRule()];

    public static IEnumerable<RuleDescriptor> Descriptors => All.Select(r => r.Descriptor);

    public static RuleDescriptor? Find(string id)
        => Descriptors.FirstOrDefault(d => d.Id.Equals(id, StringComparison.OrdinalIgnoreCase) || d.Name.Equals(id, StringComparison.OrdinalIgnoreCase));
}
