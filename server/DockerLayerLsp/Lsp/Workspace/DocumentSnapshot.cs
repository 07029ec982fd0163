using System.Collections.Immutable;
using DockerLayerLsp.Analysis;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Incremental;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Lsp.Workspace;

/// <summary>
/// One version of an open Dockerfile: the client's exact text, its tree, and its analysis. Immutable;
/// the tree and analysis are computed once, on first use, by whichever request needs them first
/// (the diagnostics publisher, a hover, a code action...) and then shared by all of them. All versions
/// of one document share an <see cref="IncrementalAnalyzer"/>, so a keystroke re-runs only the
/// analysis steps of the stage it touched.
/// </summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<SyntaxTree> _tree;
    private readonly IncrementalAnalyzer _analyzer;
    private readonly Lazy<IncrementalAnalysis> _analysis;

    private DocumentSnapshot(string uri, string languageId, int version, SourceText text, Lazy<SyntaxTree> tree, AnalysisEnvironment environment, IncrementalAnalyzer analyzer)
    {
        Uri = uri;
        LanguageId = languageId;
        Version = version;
        Text = text;
        Environment = environment;
        _tree = tree;
        _analyzer = analyzer;
        _analysis = new Lazy<IncrementalAnalysis>(() => environment.Analyze(uri, _tree.Value, analyzer), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static DocumentSnapshot Open(string uri, string languageId, int version, string text, AnalysisEnvironment environment)
    {
        var source = SourceText.From(text);
        return new DocumentSnapshot(uri, languageId, version, source, new Lazy<SyntaxTree>(() => SyntaxTree.Parse(source)), environment, new IncrementalAnalyzer());
    }

    public string Uri { get; }
    public string LanguageId { get; }
    public int Version { get; }
    public SourceText Text { get; }
    public AnalysisEnvironment Environment { get; }
    public SyntaxTree Tree => _tree.Value;
    /// <summary>The findings (all diagnostics need; cheaper than <see cref="Analysis"/>).</summary>
    public ImmutableArray<Finding> Findings => _analysis.Value.Findings;
    /// <summary>The incremental analysis of this version (findings, hovers from the per-stage models).</summary>
    public IncrementalAnalysis Incremental => _analysis.Value;
    /// <summary>The whole analysis with its whole-file semantic model (fixes): built on first use, once per version.</summary>
    public DocumentAnalysis Analysis => _analysis.Value.Document;

    /// <summary>Changes with each text version and each change of settings or build context (pull diagnostics' resultId).</summary>
    public string ResultId => $"{Version}.{Environment.Generation}";

    /// <summary>
    /// A new version with its tree: derived from this version's with <see cref="SyntaxTree.WithChanges(TextChange[])"/>
    /// (incremental reparse), or parsed afresh for a whole-text replacement. The text is the tree's: built once.
    /// </summary>
    public DocumentSnapshot WithTree(int version, SyntaxTree tree)
        => new(Uri, LanguageId, version, tree.Text, new Lazy<SyntaxTree>(tree), Environment, _analyzer);

    /// <summary>Same text and tree, analysed again under new settings or a reloaded build context.</summary>
    public DocumentSnapshot WithEnvironment(AnalysisEnvironment environment)
        => new(Uri, LanguageId, Version, Text, _tree, environment, _analyzer);
}
