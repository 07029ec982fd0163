using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Rules;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Incremental;

/// <summary>
/// Analyses successive versions of one document like Roslyn's incremental generators: a pipeline of small steps
/// (<see cref="AnalysisSteps"/>), each cached on its inputs, so a version re-runs only what its changes reach.
/// <list type="bullet">
/// <item>Layout: tree → prologue + stages (children ranges, green identities, positions).</item>
/// <item>StageGraph: global ARGs + FROM lines → the stage each stage builds on.</item>
/// <item>ContextFacts: build context → manifest set and file set fingerprints.</item>
/// <item>StageModel[k]: stage k with the global ARGs and the stages it builds on → its semantic model
/// (<see cref="SemanticModelBuilder"/> on just those instructions).</item>
/// <item>StageFindings[k]: that model + context facts + options → the rules' findings, relative to the stage.</item>
/// <item>Diagnostics: every stage's findings, positioned, without suppressed ones, sorted.</item>
/// </list>
/// Typing inside a RUN of stage 3 re-runs StageModel[3] and StageFindings[3] (and those of stages built on
/// stage 3); stages 1–2 are Cached, later stages are Cached and only moved. A new build context with the same
/// facts re-runs nothing.
/// </summary>
/// <remarks>
/// Positions: a stage's findings are kept relative to the stage's start, so a stage that only moved is reused
/// by shifting. A finding may point into a stage it builds on (DLC001 reports the parent's source COPY), so a
/// stage is reused only while those stages keep their distance to it (an edit between them re-runs it). Lines are not: the rules write line numbers into their messages, so a stage whose first line
/// moved (a line break typed above it) runs again.
/// One instance per document; calls are serialised.
/// </remarks>
public sealed class IncrementalAnalyzer
{
    private readonly object _gate = new();
    private PipelineState? _previous;

    /// <summary>Analyses <paramref name="tree"/>, reusing whatever the previous call computed that is still valid.</summary>
    public IncrementalAnalysis Analyze(SyntaxTree tree, BuildContext.BuildContext? buildContext, AnalyzerOptions? options = null)
    {
        options ??= AnalyzerOptions.Default;
        lock (_gate)
        {
            var (state, analysis) = Run(_previous, tree, buildContext, options);
            _previous = state;
            return analysis;
        }
    }

    /// <summary>Everything one version computed, kept for the next.</summary>
    private sealed record PipelineState(
        DocumentLayout Layout,
        ImmutableArray<int?> Bases,
        BuildContext.BuildContext? BuildContext,
        ContextFacts? Facts,
        AnalyzerOptions Options,
        string LineBreak,
        StageResult[] Stages,
        ImmutableArray<Finding> Findings);

    /// <summary>One stage's cached outputs: its model (on the tree it was built from) and its findings relative to the stage start.</summary>
    private sealed record StageResult(SemanticModel Model, int ModelStageStart, ImmutableArray<int> Chain, ImmutableArray<Finding> RelativeFindings)
    {
        public StageSummary Summary { get; } = StageSummary.Of(Model.Stages[0]);
    }

    private static (PipelineState, IncrementalAnalysis) Run(PipelineState? previous, SyntaxTree tree, BuildContext.BuildContext? buildContext, AnalyzerOptions options)
    {
        var steps = ImmutableArray.CreateBuilder<IncrementalStepRun>();
        var sameTree = previous is not null && ReferenceEquals(previous.Layout.Tree, tree);

        // Layout
        var layout = sameTree ? previous!.Layout : DocumentLayout.Create(tree);
        var prologueSame = previous is not null && layout.PrologueEquals(previous.Layout);
        var stageSame = new bool[layout.Stages.Length];
        for (var k = 0; k < stageSame.Length; k++) stageSame[k] = previous is not null && layout.StageEquals(k, previous.Layout);
        steps.Add(new(AnalysisSteps.Layout, -1,
            previous is null ? IncrementalStepState.New
            : sameTree ? IncrementalStepState.Cached
            : prologueSame && layout.Stages.Length == previous.Layout.Stages.Length && stageSame.All(s => s) ? IncrementalStepState.Unchanged
            : IncrementalStepState.Modified));

        // StageGraph
        var graphInputsSame = previous is not null && prologueSame && layout.Stages.Length == previous.Layout.Stages.Length
                              && Enumerable.Range(0, layout.Stages.Length).All(k => layout.FromEquals(k, previous.Layout));
        ImmutableArray<int?> bases;
        if (graphInputsSame)
        {
            bases = previous!.Bases;
            steps.Add(new(AnalysisSteps.StageGraph, -1, IncrementalStepState.Cached));
        }
        else
        {
            var headers = SemanticModelBuilder.Build(tree, layout.Prologue.Concat(layout.Stages.Select(s => s.Instructions[0])));
            bases = headers.Stages.Select(s => s.BaseStageIndex).ToImmutableArray();
            steps.Add(new(AnalysisSteps.StageGraph, -1, Compare(previous is null, previous is not null && previous.Bases.SequenceEqual(bases))));
        }

        // ContextFacts
        ContextFacts? facts;
        if (previous is not null && ReferenceEquals(previous.BuildContext, buildContext))
        {
            facts = previous.Facts;
            steps.Add(new(AnalysisSteps.ContextFacts, -1, IncrementalStepState.Cached));
        }
        else
        {
            facts = ContextFacts.From(buildContext);
            steps.Add(new(AnalysisSteps.ContextFacts, -1, Compare(previous is null, previous is not null && Equals(previous.Facts, facts))));
        }

        var lineBreak = tree.Text.PreferredLineBreak;
        var optionsSame = previous is not null && OptionsEqual(previous.Options, options);
        var lineBreakSame = previous is not null && previous.LineBreak == lineBreak;

        // StageModel[k] and StageFindings[k]
        var results = new StageResult[layout.Stages.Length];
        var modelSteps = new List<IncrementalStepRun>();
        var findingSteps = new List<IncrementalStepRun>();
        var allFindingsCached = previous is not null && layout.Stages.Length == previous.Stages.Length;
        for (var k = 0; k < layout.Stages.Length; k++)
        {
            var stage = layout.Stages[k];
            var chain = Chain(bases, k);
            var old = previous is not null && k < previous.Stages.Length ? previous.Stages[k] : null;
            var inputsSame = old is not null && prologueSame && lineBreakSame && stageSame[k]
                             && stage.StartLine == previous!.Layout.Stages[k].StartLine
                             && old.Chain.SequenceEqual(chain) && chain.All(j => stageSame[j])
                             && chain.All(j => layout.Stages[j].Start - stage.Start == previous.Layout.Stages[j].Start - previous.Layout.Stages[k].Start);

            SemanticModel model;
            int modelStageStart;
            if (inputsSame)
            {
                (model, modelStageStart) = (old!.Model, old.ModelStageStart);
                modelSteps.Add(new(AnalysisSteps.StageModel, k, IncrementalStepState.Cached));
            }
            else
            {
                model = BuildStageModel(tree, layout, chain, k);
                modelStageStart = stage.Start;
                // Same instructions and inherited state, only moved: the model says the same things.
                var contentSame = old is not null && prologueSame && stageSame[k] && old.Chain.SequenceEqual(chain) && chain.All(j => stageSame[j]);
                modelSteps.Add(new(AnalysisSteps.StageModel, k, Compare(old is null, contentSame)));
            }

            if (inputsSame && Equals(previous!.Facts, facts) && optionsSame)
            {
                results[k] = old!;
                findingSteps.Add(new(AnalysisSteps.StageFindings, k, IncrementalStepState.Cached));
                allFindingsCached &= stage.Start == previous.Layout.Stages[k].Start;
                continue;
            }

            var relative = FindingValues.Shift(RunRules(model, buildContext, options), -modelStageStart);
            results[k] = new StageResult(model, modelStageStart, chain, relative);
            findingSteps.Add(new(AnalysisSteps.StageFindings, k, Compare(old is null, old is not null && FindingValues.SequenceEqual(old.RelativeFindings, relative))));
            allFindingsCached = false;
        }
        for (var k = layout.Stages.Length; previous is not null && k < previous.Stages.Length; k++)
        {
            modelSteps.Add(new(AnalysisSteps.StageModel, k, IncrementalStepState.Removed));
            findingSteps.Add(new(AnalysisSteps.StageFindings, k, IncrementalStepState.Removed));
        }
        steps.AddRange(modelSteps);
        steps.AddRange(findingSteps);

        // Diagnostics
        ImmutableArray<Finding> findings;
        if (allFindingsCached && sameTree)
        {
            findings = previous!.Findings;
            steps.Add(new(AnalysisSteps.Diagnostics, -1, IncrementalStepState.Cached));
        }
        else
        {
            findings = Combine(tree, layout, results);
            steps.Add(new(AnalysisSteps.Diagnostics, -1, Compare(previous is null, previous is not null && FindingValues.SequenceEqual(previous.Findings, findings))));
        }

        var state = new PipelineState(layout, bases, buildContext, facts, options, lineBreak, results, findings);
        var directory = new StageDirectory(tree, layout, bases, [.. results.Select(r => r.Summary)]);
        return (state, new IncrementalAnalysis(tree, buildContext, findings, steps.ToImmutable(), directory));
    }

    private static IncrementalStepState Compare(bool isNew, bool outputSame)
        => isNew ? IncrementalStepState.New : outputSame ? IncrementalStepState.Unchanged : IncrementalStepState.Modified;

    /// <summary>The stages stage <paramref name="index"/> builds on (FROM name), oldest first.</summary>
    internal static ImmutableArray<int> Chain(ImmutableArray<int?> bases, int index)
    {
        var chain = ImmutableArray.CreateBuilder<int>();
        for (var at = bases[index]; at is { } j; at = bases[j]) chain.Insert(0, j);
        return chain.ToImmutable();
    }

    /// <summary>The model of stage <paramref name="index"/> alone, with the state it inherits (global ARGs, base stages) built from just those instructions.</summary>
    private static SemanticModel BuildStageModel(SyntaxTree tree, DocumentLayout layout, ImmutableArray<int> chain, int index)
    {
        var instructions = layout.Prologue.AsEnumerable();
        foreach (var j in chain) instructions = instructions.Concat(layout.Stages[j].Instructions);
        var scoped = SemanticModelBuilder.Build(tree, instructions.Concat(layout.Stages[index].Instructions));
        return new SemanticModel(tree, [scoped.Stages[^1]], scoped.GlobalArgs);
    }

    /// <summary>What <see cref="DockerfileAnalyzer"/> does per rule, on one stage's model.</summary>
    private static ImmutableArray<Finding> RunRules(SemanticModel model, BuildContext.BuildContext? buildContext, AnalyzerOptions options)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var rule in RuleCatalog.All)
        {
            if (!options.IsEnabled(rule.Descriptor.Id)) continue;
            findings.AddRange(rule.Analyze(new RuleContext(model, buildContext, options.SeverityOf(rule.Descriptor))));
        }
        return findings.ToImmutable();
    }

    private static ImmutableArray<Finding> Combine(SyntaxTree tree, DocumentLayout layout, StageResult[] results)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var shifted = results.SelectMany((result, k) => result.RelativeFindings.Select(relative => FindingValues.Shift(relative, layout.Stages[k].Start))).ToList();
        foreach (var rule in RuleCatalog.All)
        {
            var ofRule = shifted.Where(f => f.RuleId == rule.Descriptor.Id).ToList();
            if (ofRule.Count == 0) continue;
            findings.AddRange(rule.CombineAcrossStages(ofRule).Where(finding => !Suppression.IsSuppressed(tree, finding)));
        }
        findings.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return findings.ToImmutable();
    }

    /// <summary>Options by value: a settings reload builds new dictionaries with the same entries.</summary>
    private static bool OptionsEqual(AnalyzerOptions a, AnalyzerOptions b)
        => ReferenceEquals(a, b) || (DictionaryEqual(a.EnabledRules, b.EnabledRules) && DictionaryEqual(a.Severities, b.Severities));

    private static bool DictionaryEqual<TValue>(IReadOnlyDictionary<string, TValue>? a, IReadOnlyDictionary<string, TValue>? b)
    {
        if (a is null || b is null) return a is null && b is null;
        return a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && EqualityComparer<TValue>.Default.Equals(pair.Value, value));
    }
}
