using BenchmarkDotNet.Attributes;
using DockerLayerLsp.Analysis;
using DockerLayerLsp.Analysis.Incremental;
using DockerLayerLsp.Syntax;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Benchmarks;

/// <summary>
/// Analysis: the whole-file analyzer against the incremental pipeline, and one keystroke end to end
/// (incremental reparse + incremental analysis), which is what the server does per didChange.
/// The incremental cases alternate between typing a character and deleting it, so every call is one keystroke.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private static readonly BuildContextModel Context = BuildContextModel.FromFiles("/ctx",
        ["go.mod", "go.sum", "main.go", "package.json", "package-lock.json", "index.js", "requirements.txt", "app.py", "Dockerfile"]);

    private SyntaxTree _tree = null!;
    private SyntaxTree _typed = null!;
    private IncrementalAnalyzer _analyzer = null!;
    private SyntaxTree _current = null!;
    private int _editOffset;
    private bool _flip;

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "";

    public static IEnumerable<string> Inputs => BenchInputs.Names;

    [GlobalSetup]
    public void Setup()
    {
        var text = BenchInputs.Read(Input);
        _editOffset = BenchInputs.EditOffset(text);
        _tree = SyntaxTree.Parse(text);
        _typed = _tree.WithChanges(new TextChange(new TextSpan(_editOffset, 0), " "));
        _analyzer = new IncrementalAnalyzer();
        _analyzer.Analyze(_tree, Context);
        _current = _tree;
    }

    [Benchmark(Baseline = true)]
    public int FullAnalysis() => DockerfileAnalyzer.Analyze(_tree, Context).Findings.Length;

    /// <summary>Incremental analysis of a tree one keystroke away from the previous call's.</summary>
    [Benchmark]
    public int IncrementalAnalysis()
    {
        _flip = !_flip;
        return _analyzer.Analyze(_flip ? _typed : _tree, Context).Findings.Length;
    }

    /// <summary>One keystroke from text change to findings: reparse + analysis, both incremental.</summary>
    [Benchmark]
    public int KeystrokeToFindings()
    {
        _flip = !_flip;
        var change = _flip
            ? new TextChange(new TextSpan(_editOffset, 0), " ")
            : new TextChange(new TextSpan(_editOffset, 1), "");
        _current = _current.WithChanges(change);
        return _analyzer.Analyze(_current, Context).Findings.Length;
    }
}
