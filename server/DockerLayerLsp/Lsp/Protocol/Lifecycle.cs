using System.Text.Json;

namespace DockerLayerLsp.Lsp.Protocol;

public sealed record InitializeParams
{
    /// <summary>Required but nullable in the specification (<c>integer | null</c>).</summary>
    public int? ProcessId { get; init; }
    public ClientInfo? ClientInfo { get; init; }
    public string? Locale { get; init; }
    public string? RootPath { get; init; }
    /// <summary>Required but nullable in the specification (<c>DocumentUri | null</c>).</summary>
    public string? RootUri { get; init; }
    public required ClientCapabilities Capabilities { get; init; }
    public JsonElement? InitializationOptions { get; init; }
    public string? Trace { get; init; }
    public WorkspaceFolder[]? WorkspaceFolders { get; init; }
}

public sealed record ClientInfo
{
    public required string Name { get; init; }
    public string? Version { get; init; }
}

public sealed record ServerInfo
{
    public required string Name { get; init; }
    public string? Version { get; init; }
}

public sealed record InitializeResult
{
    public required ServerCapabilities Capabilities { get; init; }
    public ServerInfo? ServerInfo { get; init; }
}

public sealed record InitializedParams;

public sealed record SetTraceParams
{
    public required string Value { get; init; }
}

public sealed record LogMessageParams
{
    public required MessageType Type { get; init; }
    public required string Message { get; init; }
}

public sealed record LogTraceParams
{
    public required string Message { get; init; }
    public string? Verbose { get; init; }
}
