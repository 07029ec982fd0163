namespace DockerLayerLsp.Lsp.Protocol;

public sealed record DidOpenTextDocumentParams
{
    public required TextDocumentItem TextDocument { get; init; }
}

public sealed record DidChangeTextDocumentParams
{
    public required VersionedTextDocumentIdentifier TextDocument { get; init; }
    public required TextDocumentContentChangeEvent[] ContentChanges { get; init; }
}

/// <summary>
/// The specification's type alias <c>TextDocumentContentChangePartial | TextDocumentContentChangeWholeDocument</c>
/// as one type: a change without <see cref="Range"/> replaces the whole document.
/// </summary>
public sealed record TextDocumentContentChangeEvent
{
    public Range? Range { get; init; }
    public int? RangeLength { get; init; }
    public required string Text { get; init; }
}

public sealed record DidCloseTextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

public sealed record DidSaveTextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public string? Text { get; init; }
}
