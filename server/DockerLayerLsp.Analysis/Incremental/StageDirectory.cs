using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Hover;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Incremental;

/// <summary>What other stages need to know of a stage: its name and the <c>COPY --from</c> values it holds (neither depends on where it stands).</summary>
internal sealed record StageSummary(string? Name, ImmutableArray<string> CopyFroms)
{
    public static StageSummary Of(Stage stage)
        => new(stage.Name, [.. stage.Instructions.OfType<CopyModel>().Select(c => c.From).OfType<string>()]);
}

/// <summary>
/// One version's stages as a hover needs them, without a whole-file model: the layout (to find an instruction's stage
/// and build that stage's model on this version's tree), the stage graph, and each stage's summary (from the cached
/// stage models). A hover then costs one stage's model, and the next hover in the same stage nothing.
/// </summary>
internal sealed class StageDirectory(SyntaxTree tree, DocumentLayout layout, ImmutableArray<int?> bases, StageSummary[] summaries)
{
    private sealed record Memo(int Stage, HoverScope Scope);

    private volatile Memo? _last;

    public HoverScope ScopeOf(InstructionSyntax instruction)
    {
        var k = StageOf(instruction.FullSpan.Start);
        if (_last is { } last && last.Stage == k) return last.Scope;
        var scope = k < 0 ? new HoverScope(SemanticModelBuilder.Build(tree, layout.Prologue), null, []) : StageScope(k);
        _last = new Memo(k, scope);
        return scope;
    }

    /// <summary>Stage <paramref name="k"/> modelled as <see cref="IncrementalAnalyzer"/> models it, numbered and linked as in the whole file.</summary>
    private HoverScope StageScope(int k)
    {
        var instructions = layout.Prologue.AsEnumerable();
        foreach (var j in IncrementalAnalyzer.Chain(bases, k)) instructions = instructions.Concat(layout.Stages[j].Instructions);
        var model = SemanticModelBuilder.Build(tree, instructions.Concat(layout.Stages[k].Instructions));
        var stage = model.Stages[^1] with { Index = k, BaseStageIndex = bases[k] };

        // The same order as the whole-file hover: stages FROM it, then stages that COPY --from it.
        var dependents = new List<string>();
        for (var j = 0; j < summaries.Length; j++)
        {
            if (bases[j] == k) dependents.Add(DisplayName(j));
        }
        for (var j = 0; j < summaries.Length; j++)
        {
            if (j == k) continue;
            foreach (var from in summaries[j].CopyFroms)
            {
                if (!HoverScope.ReferencesStage(from, stage.Name, k)) continue;
                dependents.Add(DisplayName(j) + " (COPY --from)");
                break;
            }
        }
        return new HoverScope(model, stage, [.. dependents.Distinct()]);
    }

    /// <summary>As <see cref="Stage.DisplayName"/>.</summary>
    private string DisplayName(int j) => summaries[j].Name is { } name ? $"{name} ({j})" : $"stage {j}";

    /// <summary>Index of the stage whose range holds <paramref name="position"/>; -1 before the first FROM.</summary>
    private int StageOf(int position)
    {
        int low = 0, high = layout.Stages.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (layout.Stages[mid].Start <= position) { found = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return found;
    }
}
