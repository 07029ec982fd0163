using System.Collections.Immutable;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Model;

/// <summary>A build stage: a FROM and the instructions up to the next FROM.</summary>
/// <param name="BaseStageIndex">The earlier stage this one builds on (<c>FROM builder</c>), else null.</param>
public sealed record Stage(
    int Index,
    string? Name,
    string BaseImage,
    int? BaseStageIndex,
    InstructionSyntax From,
    ImmutableArray<InstructionModel> Instructions)
{
    /// <summary>The stage this one builds on, itself (so a model scoped to one stage still knows what it inherits).</summary>
    public Stage? BaseStage { get; init; }

    public string DisplayName => Name is null ? $"stage {Index}" : $"{Name} ({Index})";
    public bool IsScratch => BaseImage.Equals("scratch", StringComparison.OrdinalIgnoreCase);
}
