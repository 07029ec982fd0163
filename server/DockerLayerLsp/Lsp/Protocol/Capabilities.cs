namespace DockerLayerLsp.Lsp.Protocol;

// Client capabilities: only the ones that change what this server does.

public sealed record ClientCapabilities
{
    public WorkspaceClientCapabilities? Workspace { get; init; }
    public TextDocumentClientCapabilities? TextDocument { get; init; }
    public GeneralClientCapabilities? General { get; init; }
}

public sealed record WorkspaceClientCapabilities
{
    public bool? Configuration { get; init; }
    public DidChangeWatchedFilesClientCapabilities? DidChangeWatchedFiles { get; init; }
    public DiagnosticWorkspaceClientCapabilities? Diagnostics { get; init; }
}

public sealed record DidChangeWatchedFilesClientCapabilities
{
    public bool? DynamicRegistration { get; init; }
    public bool? RelativePatternSupport { get; init; }
}

public sealed record DiagnosticWorkspaceClientCapabilities
{
    public bool? RefreshSupport { get; init; }
}

public sealed record GeneralClientCapabilities
{
    public string[]? PositionEncodings { get; init; }
}

public sealed record TextDocumentClientCapabilities
{
    public HoverClientCapabilities? Hover { get; init; }
    public DocumentSymbolClientCapabilities? DocumentSymbol { get; init; }
    public CodeActionClientCapabilities? CodeAction { get; init; }
    public FoldingRangeClientCapabilities? FoldingRange { get; init; }
    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }
    public DiagnosticClientCapabilities? Diagnostic { get; init; }
}

public sealed record HoverClientCapabilities
{
    public string[]? ContentFormat { get; init; }
}

public sealed record DocumentSymbolClientCapabilities
{
    public bool? HierarchicalDocumentSymbolSupport { get; init; }
}

public sealed record CodeActionClientCapabilities
{
    public ClientCodeActionLiteralOptions? CodeActionLiteralSupport { get; init; }
    public bool? IsPreferredSupport { get; init; }
    public bool? DataSupport { get; init; }
    public ClientCodeActionResolveOptions? ResolveSupport { get; init; }
}

public sealed record ClientCodeActionLiteralOptions
{
    public required ClientCodeActionKindOptions CodeActionKind { get; init; }
}

public sealed record ClientCodeActionKindOptions
{
    public required string[] ValueSet { get; init; }
}

public sealed record ClientCodeActionResolveOptions
{
    public required string[] Properties { get; init; }
}

public sealed record FoldingRangeClientCapabilities
{
    public int? RangeLimit { get; init; }
    public bool? LineFoldingOnly { get; init; }
}

public sealed record PublishDiagnosticsClientCapabilities
{
    public bool? RelatedInformation { get; init; }
    public bool? CodeDescriptionSupport { get; init; }
    public bool? DataSupport { get; init; }
    public bool? VersionSupport { get; init; }
}

public sealed record DiagnosticClientCapabilities
{
    public bool? DynamicRegistration { get; init; }
    public bool? RelatedDocumentSupport { get; init; }
}

// Server capabilities: where the specification allows `boolean | XOptions`, we always send one branch.

public sealed record ServerCapabilities
{
    public string? PositionEncoding { get; init; }
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    public bool? HoverProvider { get; init; }
    public bool? DocumentSymbolProvider { get; init; }
    public CodeActionOptions? CodeActionProvider { get; init; }
    public bool? FoldingRangeProvider { get; init; }
    public DiagnosticOptions? DiagnosticProvider { get; init; }
}

public sealed record TextDocumentSyncOptions
{
    public bool? OpenClose { get; init; }
    public TextDocumentSyncKind? Change { get; init; }
    public SaveOptions? Save { get; init; }
}

public sealed record SaveOptions
{
    public bool? IncludeText { get; init; }
}

public sealed record CodeActionOptions
{
    public string[]? CodeActionKinds { get; init; }
    public bool? ResolveProvider { get; init; }
}

public sealed record DiagnosticOptions
{
    public string? Identifier { get; init; }
    public required bool InterFileDependencies { get; init; }
    public required bool WorkspaceDiagnostics { get; init; }
}
