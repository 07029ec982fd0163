using System.Text.Json;

namespace DockerLayerLsp.Lsp.Protocol;

public sealed record CodeActionParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public required Range Range { get; init; }
    public required CodeActionContext Context { get; init; }
}

public sealed record CodeActionContext
{
    public required Diagnostic[] Diagnostics { get; init; }
    public string[]? Only { get; init; }
    public CodeActionTriggerKind? TriggerKind { get; init; }
}

public sealed record CodeAction
{
    public required string Title { get; init; }
    public string? Kind { get; init; }
    public Diagnostic[]? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
    /// <summary>LSPAny, kept between <c>textDocument/codeAction</c> and <c>codeAction/resolve</c>.</summary>
    public JsonElement? Data { get; init; }
}

public sealed record HoverParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public required Position Position { get; init; }
}

public sealed record Hover
{
    /// <summary><c>MarkupContent | MarkedString | MarkedString[]</c>; this server always sends markup.</summary>
    public required MarkupContent Contents { get; init; }
    public Range? Range { get; init; }
}

public sealed record DocumentSymbolParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

public sealed record DocumentSymbol
{
    public required string Name { get; init; }
    public string? Detail { get; init; }
    public required SymbolKind Kind { get; init; }
    public required Range Range { get; init; }
    public required Range SelectionRange { get; init; }
    public DocumentSymbol[]? Children { get; init; }
}

public sealed record FoldingRangeParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

public sealed record FoldingRange
{
    public required int StartLine { get; init; }
    public int? StartCharacter { get; init; }
    public required int EndLine { get; init; }
    public int? EndCharacter { get; init; }
    public string? Kind { get; init; }
    public string? CollapsedText { get; init; }
}
