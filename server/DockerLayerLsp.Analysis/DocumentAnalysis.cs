using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis;

/// <summary>The immutable result of analysing one Dockerfile text: tree, model and findings.</summary>
public sealed record DocumentAnalysis(
    SyntaxTree Tree,
    SemanticModel Model,
    BuildContext.BuildContext? BuildContext,
    ImmutableArray<Finding> Findings);
