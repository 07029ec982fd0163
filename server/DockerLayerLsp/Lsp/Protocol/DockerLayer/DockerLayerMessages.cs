namespace DockerLayerLsp.Lsp.Protocol.DockerLayer;

// dockerlayer's own additions to the protocol: the payloads we put in LSPAny slots
// (Diagnostic.data, CodeAction.data), the `dockerlayer` settings section and our custom requests.
// They are deliberately outside DockerLayerLsp.Lsp.Protocol, which holds specification types only.

/// <summary>
/// <c>Diagnostic.data</c>: enough to rebuild every fix of the finding without re-analysing, as long as
/// the document is still at <see cref="Version"/>.
/// </summary>
public sealed record DiagnosticData
{
    public required int Version { get; init; }
    public required string FindingId { get; init; }
    public required string RuleId { get; init; }
    public required FixData[] Fixes { get; init; }
}

public sealed record FixData
{
    public required string Title { get; init; }
    public required bool IsSafe { get; init; }
    public required TextEdit[] Edits { get; init; }
}

/// <summary><c>CodeAction.data</c> for an action whose edit <c>codeAction/resolve</c> computes.</summary>
public sealed record CodeActionData
{
    public required string Uri { get; init; }
    public required int Version { get; init; }
    /// <summary>One of <see cref="CodeActionDataKind"/>.</summary>
    public required string Kind { get; init; }
    public string? FindingId { get; init; }
    public int? FixIndex { get; init; }
}

public static class CodeActionDataKind
{
    public const string Fix = "fix";
    public const string Suppress = "suppress";
    public const string FixAll = "fixAll";
}

/// <summary>The <c>dockerlayer</c> configuration section.</summary>
public sealed record DockerLayerSettings
{
    /// <summary>Rule id → enabled.</summary>
    public Dictionary<string, bool>? Rules { get; init; }
    /// <summary>Rule id → "error" | "warning" | "information" | "hint".</summary>
    public Dictionary<string, string>? Severity { get; init; }
    /// <summary>Build context directory; relative paths resolve against the workspace root.</summary>
    public string? BuildContext { get; init; }
}

/// <summary><c>dockerlayer/debug/documentText</c>: the server's copy of an open document, for sync tests.</summary>
public sealed record DocumentTextParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

public sealed record DocumentTextResult
{
    public required string Uri { get; init; }
    public required int Version { get; init; }
    public required string Text { get; init; }
}
