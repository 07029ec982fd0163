using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Hover;

/// <summary>Markdown to show for a range of the document.</summary>
public sealed record HoverContent(string Markdown, TextSpan Span);
