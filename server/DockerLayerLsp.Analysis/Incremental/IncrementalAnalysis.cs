using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Hover;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Incremental;

/// <summary>
/// One version's result of <see cref="IncrementalAnalyzer"/>: the findings (equal to what
/// <see cref="DockerfileAnalyzer.Analyze(SyntaxTree, BuildContext.BuildContext?, AnalyzerOptions?)"/> reports) and what
/// each pipeline step did. The whole-file <see cref="Document"/> (semantic model included) is built only when asked
/// for: publishing diagnostics and hovers never need it, applying a fix does.
/// </summary>
public sealed class IncrementalAnalysis
{
    private readonly Lazy<DocumentAnalysis> _document;
    private readonly StageDirectory _stages;

    internal IncrementalAnalysis(SyntaxTree tree, BuildContext.BuildContext? buildContext, ImmutableArray<Finding> findings, ImmutableArray<IncrementalStepRun> steps, StageDirectory stages)
    {
        _stages = stages;
        Tree = tree;
        BuildContext = buildContext;
        Findings = findings;
        Steps = steps;
        _document = new Lazy<DocumentAnalysis>(() => new DocumentAnalysis(tree, SemanticModelBuilder.Build(tree), buildContext, findings), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SyntaxTree Tree { get; }

    public BuildContext.BuildContext? BuildContext { get; }

    /// <summary>Positioned, unsuppressed findings sorted by position then rule ID.</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>Every step that was considered for this version, in pipeline order.</summary>
    public ImmutableArray<IncrementalStepRun> Steps { get; }

    /// <summary>The full analysis (tree, whole-file model, findings), built on first use and then shared.</summary>
    public DocumentAnalysis Document => _document.Value;

    /// <summary>What a hover on <paramref name="instruction"/> (of <see cref="Tree"/>) reads of the model, without building the whole-file model.</summary>
    internal HoverScope HoverScopeOf(InstructionSyntax instruction) => _stages.ScopeOf(instruction);

    /// <summary>The states of one step, by index (one element for whole-document steps).</summary>
    public IReadOnlyList<IncrementalStepState> StatesOf(string step) => Steps.Where(s => s.Step == step).Select(s => s.State).ToArray();
}
