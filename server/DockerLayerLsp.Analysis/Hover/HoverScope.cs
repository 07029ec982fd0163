using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Hover;

/// <summary>
/// What a hover on one instruction reads of the semantic model: a model that knows the instruction (its variables,
/// its stage's instructions), the stage with its whole-file index, and the display names of the stages built on that
/// stage. The whole-file model gives all of it; the incremental pipeline gives it from one stage's model plus the
/// stage graph, so a hover never builds the model of the whole file.
/// </summary>
internal sealed record HoverScope(SemanticModel Model, Stage? Stage, ImmutableArray<string> Dependents)
{
    public static HoverScope FromWholeFile(SemanticModel model, InstructionSyntax instruction)
    {
        var stage = model.GetStage(instruction);
        if (stage is null) return new HoverScope(model, null, []);
        var dependents = model.Stages.Where(s => s.BaseStageIndex == stage.Index).Select(s => s.DisplayName)
            .Concat(model.Stages.Where(s => s.Index != stage.Index && s.Instructions.OfType<CopyModel>().Any(c => ReferencesStage(c.From, stage.Name, stage.Index)))
                .Select(s => s.DisplayName + " (COPY --from)"))
            .Distinct().ToImmutableArray();
        return new HoverScope(model, stage, dependents);
    }

    /// <summary>True when <c>COPY --from=<paramref name="from"/></c> names the stage (by name, or by index).</summary>
    public static bool ReferencesStage(string? from, string? name, int index)
        => from is not null && ((name is not null && from.Equals(name, StringComparison.OrdinalIgnoreCase)) || from == index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
