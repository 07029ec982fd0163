namespace DockerLayerLsp.Lsp.Protocol;

// LSP 3.18 basic structures, field for field as the specification names them (see
// ../shared/lsp/metaModel.json; ProtocolModelTests checks every type in this namespace against it).
// Only the fields this server reads or writes are declared; every required field is present.

public sealed record Position
{
    public required int Line { get; init; }
    public required int Character { get; init; }
}

public sealed record Range
{
    public required Position Start { get; init; }
    public required Position End { get; init; }
}

public sealed record Location
{
    public required string Uri { get; init; }
    public required Range Range { get; init; }
}

public sealed record TextDocumentIdentifier
{
    public required string Uri { get; init; }
}

public sealed record VersionedTextDocumentIdentifier
{
    public required string Uri { get; init; }
    public required int Version { get; init; }
}

public sealed record TextDocumentItem
{
    public required string Uri { get; init; }
    public required string LanguageId { get; init; }
    public required int Version { get; init; }
    public required string Text { get; init; }
}

public sealed record TextEdit
{
    public required Range Range { get; init; }
    public required string NewText { get; init; }
}

public sealed record WorkspaceEdit
{
    public Dictionary<string, TextEdit[]>? Changes { get; init; }
}

public sealed record MarkupContent
{
    public required string Kind { get; init; }
    public required string Value { get; init; }
}

public sealed record WorkspaceFolder
{
    public required string Uri { get; init; }
    public required string Name { get; init; }
}
