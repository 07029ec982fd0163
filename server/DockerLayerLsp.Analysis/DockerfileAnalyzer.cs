using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Rules;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis;

/// <summary>The analysis entry point shared by the command line and the language server.</summary>
public static class DockerfileAnalyzer
{
    public static DocumentAnalysis Analyze(SyntaxTree tree, BuildContext.BuildContext? buildContext, AnalyzerOptions? options = null)
    {
        options ??= AnalyzerOptions.Default;
        var model = SemanticModelBuilder.Build(tree);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        foreach (var rule in RuleCatalog.All)
        {
            if (!options.IsEnabled(rule.Descriptor.Id)) continue;
            var context = new RuleContext(model, buildContext, options.SeverityOf(rule.Descriptor));
            foreach (var finding in rule.CombineAcrossStages([.. rule.Analyze(context)]))
            {
                if (!Suppression.IsSuppressed(tree, finding)) findings.Add(finding);
            }
        }
        findings.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return new DocumentAnalysis(tree, model, buildContext, findings.ToImmutable());
    }

    public static DocumentAnalysis Analyze(string text, BuildContext.BuildContext? buildContext, AnalyzerOptions? options = null)
        => Analyze(SyntaxTree.Parse(text), buildContext, options);
}
