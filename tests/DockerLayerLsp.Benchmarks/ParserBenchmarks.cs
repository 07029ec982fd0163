using BenchmarkDotNet.Attributes;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Benchmarks;

/// <summary>Full parse against the incremental reparse of one keystroke (a character typed at the end of a RUN mid-file).</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private string _text = "";
    private SyntaxTree _tree = null!;
    private TextChange _keystroke;

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "";

    public static IEnumerable<string> Inputs => BenchInputs.Names;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchInputs.Read(Input);
        _tree = SyntaxTree.Parse(_text);
        _keystroke = new TextChange(new TextSpan(BenchInputs.EditOffset(_text), 0), " ");
    }

    /// <summary>Parse everything and materialise the instruction list (what any consumer touches first).</summary>
    [Benchmark(Baseline = true)]
    public int FullParse() => SyntaxTree.Parse(_text).Root.Instructions.Count;

    /// <summary>One typed character: new text, reparse of the touched instruction, positioned instruction list.</summary>
    [Benchmark]
    public int IncrementalKeystroke() => _tree.WithChanges(_keystroke).Root.Instructions.Count;
}
