using System.Text.Json;

namespace DockerLayerLsp.Lsp.Protocol;

public sealed record PublishDiagnosticsParams
{
    public required string Uri { get; init; }
    public int? Version { get; init; }
    public required Diagnostic[] Diagnostics { get; init; }
}

public sealed record Diagnostic
{
    public required Range Range { get; init; }
    public DiagnosticSeverity? Severity { get; init; }
    /// <summary><c>integer | string</c>; our codes are rule ids such as <c>DLC001</c>.</summary>
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public required string Message { get; init; }
    public DiagnosticRelatedInformation[]? RelatedInformation { get; init; }
    /// <summary>LSPAny, echoed back by clients in code action requests (see <c>DiagnosticData</c>).</summary>
    public JsonElement? Data { get; init; }
}

public sealed record CodeDescription
{
    public required string Href { get; init; }
}

public sealed record DiagnosticRelatedInformation
{
    public required Location Location { get; init; }
    public required string Message { get; init; }
}

public sealed record DocumentDiagnosticParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public string? Identifier { get; init; }
    public string? PreviousResultId { get; init; }
}

/// <summary>
/// The specification's type alias <c>RelatedFullDocumentDiagnosticReport | RelatedUnchangedDocumentDiagnosticReport</c>:
/// <see cref="Kind"/> <c>full</c> carries <see cref="Items"/>, <c>unchanged</c> only the <see cref="ResultId"/>.
/// </summary>
public sealed record DocumentDiagnosticReport
{
    public required string Kind { get; init; }
    public string? ResultId { get; init; }
    public Diagnostic[]? Items { get; init; }
}
