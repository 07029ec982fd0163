using DockerLayerLsp.Analysis.Incremental;
using DockerLayerLsp.Syntax;
using static DockerLayerLsp.Analysis.Incremental.IncrementalStepState;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.Incremental;

/// <summary>Which pipeline steps re-run for which change, and that the answer equals the whole-file analyzer's.</summary>
public class IncrementalAnalyzerTests
{
    /// <summary>Four stages; stage 3 ("web") is built on by stage 4, the others are independent.</summary>
    private const string FourStages = """
        ARG GO_VERSION=1.23
        FROM golang:${GO_VERSION} AS api
        WORKDIR /src
        COPY . .
        RUN go mod download
        RUN go build -o /bin/api .

        FROM python:3.12 AS worker
        WORKDIR /app
        COPY . .
        RUN pip install -r requirements.txt

        FROM node:20 AS web
        WORKDIR /web
        COPY . .
        RUN npm ci
        RUN npm run build

        FROM web AS web-test
        RUN npm test

        """;

    private static readonly string[] Files = ["go.mod", "go.sum", "main.go", "requirements.txt", "app.py", "package.json", "package-lock.json", "index.js", "Dockerfile"];

    private static BuildContextModel Context(params string[] extra) => BuildContextModel.FromFiles("/ctx", Files.Concat(extra));

    private static SyntaxTree Type(SyntaxTree tree, string anchor, string text)
    {
        var at = tree.Text.ToString().IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, anchor);
        return tree.WithChanges(new TextChange(new TextSpan(at + anchor.Length, 0), text));
    }

    private static void AssertSameAsFullAnalysis(IncrementalAnalysis analysis)
    {
        var full = DockerfileAnalyzer.Analyze(analysis.Tree, analysis.BuildContext);
        Assert.True(FindingValues.SequenceEqual(full.Findings, analysis.Findings),
            $"full:\n{string.Join('\n', full.Findings)}\nincremental:\n{string.Join('\n', analysis.Findings)}");
    }

    [Fact]
    public void The_first_analysis_runs_every_step_and_finds_what_the_full_analyzer_finds()
    {
        var analysis = new IncrementalAnalyzer().Analyze(SyntaxTree.Parse(FourStages), Context());
        Assert.All(analysis.Steps, s => Assert.Equal(New, s.State));
        Assert.Equal(3, analysis.Findings.Length);
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void Typing_in_a_run_of_stage_3_reruns_stage_3_and_the_stage_built_on_it_only()
    {
        var analyzer = new IncrementalAnalyzer();
        var context = Context();
        var tree = SyntaxTree.Parse(FourStages);
        analyzer.Analyze(tree, context);

        var analysis = analyzer.Analyze(Type(tree, "npm run build", " --prod"), context);

        Assert.Equal([Modified], analysis.StatesOf(AnalysisSteps.Layout));
        Assert.Equal([Cached], analysis.StatesOf(AnalysisSteps.StageGraph));
        Assert.Equal([Cached], analysis.StatesOf(AnalysisSteps.ContextFacts));
        Assert.Equal([Cached, Cached, Modified, Modified], analysis.StatesOf(AnalysisSteps.StageModel));
        Assert.Equal([Cached, Cached, Unchanged, Unchanged], analysis.StatesOf(AnalysisSteps.StageFindings));
        Assert.Equal([Unchanged], analysis.StatesOf(AnalysisSteps.Diagnostics));
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void Typing_in_stage_1_moves_the_later_stages_without_running_them()
    {
        var analyzer = new IncrementalAnalyzer();
        var context = Context();
        var tree = SyntaxTree.Parse(FourStages);
        var before = analyzer.Analyze(tree, context);

        var analysis = analyzer.Analyze(Type(tree, "go build", " -trimpath"), context);

        Assert.Equal([Modified, Cached, Cached, Cached], analysis.StatesOf(AnalysisSteps.StageModel));
        Assert.Equal([Unchanged, Cached, Cached, Cached], analysis.StatesOf(AnalysisSteps.StageFindings));
        Assert.Equal([Modified], analysis.StatesOf(AnalysisSteps.Diagnostics)); // same findings, later ones moved by 10
        Assert.Equal(before.Findings[^1].Span.Start + " -trimpath".Length, analysis.Findings[^1].Span.Start);
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void A_line_break_typed_above_reruns_the_stages_below_because_messages_quote_line_numbers()
    {
        var analyzer = new IncrementalAnalyzer();
        var context = Context();
        var tree = SyntaxTree.Parse(FourStages);
        analyzer.Analyze(tree, context);

        var analysis = analyzer.Analyze(Type(tree, "WORKDIR /app", "\nENV A=1"), context);

        Assert.Equal([Cached, Modified, Unchanged, Unchanged], analysis.StatesOf(AnalysisSteps.StageModel));
        Assert.Equal([Cached, Modified, Modified, Unchanged], analysis.StatesOf(AnalysisSteps.StageFindings));
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void Changing_a_from_line_rebuilds_the_stage_graph()
    {
        var analyzer = new IncrementalAnalyzer();
        var tree = SyntaxTree.Parse(FourStages);
        analyzer.Analyze(tree, Context());
        var analysis = analyzer.Analyze(tree.WithChanges(new TextChange(new TextSpan(FourStages.IndexOf("FROM web AS", StringComparison.Ordinal) + 5, 3), "node")), Context());
        Assert.Equal([Modified], analysis.StatesOf(AnalysisSteps.StageGraph));
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void A_new_build_context_with_the_same_files_reruns_nothing()
    {
        var analyzer = new IncrementalAnalyzer();
        var tree = SyntaxTree.Parse(FourStages);
        var first = analyzer.Analyze(tree, Context());

        // What a watched-file event does: load the context again. A saved source file changes no file name.
        var analysis = analyzer.Analyze(tree, Context());

        Assert.Equal([Unchanged], analysis.StatesOf(AnalysisSteps.ContextFacts));
        Assert.All(analysis.Steps.Where(s => s.Step != AnalysisSteps.ContextFacts), s => Assert.Equal(Cached, s.State));
        Assert.Equal(first.Findings, analysis.Findings);
    }

    [Fact]
    public void A_new_source_file_reruns_the_findings_but_no_model()
    {
        var analyzer = new IncrementalAnalyzer();
        var tree = SyntaxTree.Parse(FourStages);
        analyzer.Analyze(tree, Context());

        var analysis = analyzer.Analyze(tree, Context("util.go"));

        Assert.Equal([Modified], analysis.StatesOf(AnalysisSteps.ContextFacts));
        Assert.All(analysis.StatesOf(AnalysisSteps.StageModel), s => Assert.Equal(Cached, s));
        Assert.All(analysis.StatesOf(AnalysisSteps.StageFindings), s => Assert.Equal(Unchanged, s));
        Assert.Equal([Unchanged], analysis.StatesOf(AnalysisSteps.Diagnostics));
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void A_manifest_that_appears_changes_the_findings()
    {
        var analyzer = new IncrementalAnalyzer();
        var tree = SyntaxTree.Parse(FourStages);
        var before = analyzer.Analyze(tree, BuildContextModel.FromFiles("/ctx", ["main.go", "app.py", "index.js", "package.json", "requirements.txt"]));

        var analysis = analyzer.Analyze(tree, BuildContextModel.FromFiles("/ctx", ["main.go", "app.py", "index.js", "package.json", "requirements.txt", "go.mod"]));

        Assert.Equal([Modified], analysis.StatesOf(AnalysisSteps.ContextFacts));
        Assert.Equal([Modified], analysis.StatesOf(AnalysisSteps.Diagnostics));
        Assert.NotEqual(before.Findings.Length, analysis.Findings.Length);
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void Equal_options_in_a_new_object_rerun_nothing()
    {
        var analyzer = new IncrementalAnalyzer();
        var tree = SyntaxTree.Parse(FourStages);
        var context = Context();
        analyzer.Analyze(tree, context, new AnalyzerOptions(new Dictionary<string, bool> { ["DLC001"] = true }));
        var analysis = analyzer.Analyze(tree, context, new AnalyzerOptions(new Dictionary<string, bool> { ["DLC001"] = true }));
        Assert.All(analysis.Steps, s => Assert.Equal(Cached, s.State));

        var off = analyzer.Analyze(tree, context, new AnalyzerOptions(new Dictionary<string, bool> { ["DLC001"] = false }));
        Assert.Empty(off.Findings);
        Assert.All(off.StatesOf(AnalysisSteps.StageModel), s => Assert.Equal(Cached, s));
    }

    [Fact]
    public void A_suppression_comment_is_honoured_without_rerunning_other_stages()
    {
        var analyzer = new IncrementalAnalyzer();
        var context = Context();
        var tree = SyntaxTree.Parse(FourStages);
        analyzer.Analyze(tree, context);
        var analysis = analyzer.Analyze(Type(tree, "WORKDIR /web\n", "# dockerlayer ignore=DLC001\n"), context);
        Assert.Equal(2, analysis.Findings.Length);
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void Removing_a_stage_reports_its_steps_removed()
    {
        var analyzer = new IncrementalAnalyzer();
        var tree = SyntaxTree.Parse(FourStages);
        analyzer.Analyze(tree, Context());
        var start = FourStages.IndexOf("FROM web AS", StringComparison.Ordinal);
        var analysis = analyzer.Analyze(tree.WithChanges(new TextChange(TextSpan.FromBounds(start, FourStages.Length), "")), Context());
        Assert.Equal(Removed, analysis.StatesOf(AnalysisSteps.StageModel)[^1]);
        AssertSameAsFullAnalysis(analysis);
    }

    [Fact]
    public void The_document_analysis_is_built_on_demand_with_the_same_findings()
    {
        var analysis = new IncrementalAnalyzer().Analyze(SyntaxTree.Parse(FourStages), Context());
        Assert.Equal(analysis.Findings, analysis.Document.Findings);
        Assert.Equal(4, analysis.Document.Model.Stages.Length);
    }
}
