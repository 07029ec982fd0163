using System.Collections.Immutable;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Model;

/// <summary>
/// What the Dockerfile means: stages, and per stage the ordered instructions with their build state.
/// Immutable; built once per syntax tree by <see cref="SemanticModelBuilder"/>.
/// </summary>
public sealed class SemanticModel
{
    private readonly Dictionary<InstructionSyntax, InstructionModel> _bySyntax;

    internal SemanticModel(SyntaxTree tree, ImmutableArray<Stage> stages, ImmutableDictionary<string, VariableValue> globalArgs)
    {
        Tree = tree;
        Stages = stages;
        GlobalArgs = globalArgs;
        _bySyntax = stages.SelectMany(s => s.Instructions).ToDictionary(i => i.Syntax, ReferenceEqualityComparer.Instance as IEqualityComparer<InstructionSyntax>);
    }

    public SyntaxTree Tree { get; }
    public ImmutableArray<Stage> Stages { get; }
    /// <summary>ARGs declared before the first FROM.</summary>
    public ImmutableDictionary<string, VariableValue> GlobalArgs { get; }

    public InstructionModel? GetModel(InstructionSyntax instruction) => _bySyntax.GetValueOrDefault(instruction);

    public Stage? GetStage(InstructionSyntax instruction)
    {
        foreach (var stage in Stages)
        {
            if (ReferenceEquals(stage.From, instruction)) return stage;
            if (_bySyntax.TryGetValue(instruction, out var model) && model.StageIndex == stage.Index) return stage;
        }
        return null;
    }
}
