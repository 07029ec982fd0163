namespace DockerLayerLsp.Syntax;

/// <summary>Replace <see cref="Span"/> (in the coordinates of the text being changed) with <see cref="NewText"/>.</summary>
public readonly record struct TextChange(TextSpan Span, string NewText);
