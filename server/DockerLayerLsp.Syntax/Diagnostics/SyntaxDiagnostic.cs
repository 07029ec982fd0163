namespace DockerLayerLsp.Syntax;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
    Hint,
}

/// <summary>A problem found while parsing, with the exact source range it concerns.</summary>
public sealed record SyntaxDiagnostic(string Code, DiagnosticSeverity Severity, string Message, TextSpan Span)
{
    /// <summary>True when BuildKit's parser itself would reject the file with this error (see <see cref="BuildKitDump"/>).</summary>
    public bool IsBuildKitParseError => SyntaxDiagnosticDescriptor.FromCode(Code)?.IsBuildKitParseError ?? false;
}
