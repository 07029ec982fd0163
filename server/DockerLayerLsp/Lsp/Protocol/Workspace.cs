using System.Text.Json;

namespace DockerLayerLsp.Lsp.Protocol;

public sealed record ConfigurationParams
{
    public required ConfigurationItem[] Items { get; init; }
}

public sealed record ConfigurationItem
{
    public string? ScopeUri { get; init; }
    public string? Section { get; init; }
}

public sealed record DidChangeConfigurationParams
{
    /// <summary>LSPAny: clients send the settings, <c>null</c>, or nothing useful (pull model).</summary>
    public JsonElement? Settings { get; init; }
}

public sealed record RegistrationParams
{
    public required Registration[] Registrations { get; init; }
}

public sealed record Registration
{
    public required string Id { get; init; }
    public required string Method { get; init; }
    public JsonElement? RegisterOptions { get; init; }
}

public sealed record DidChangeWatchedFilesRegistrationOptions
{
    public required FileSystemWatcher[] Watchers { get; init; }
}

public sealed record FileSystemWatcher
{
    /// <summary>GlobPattern; this server always sends the plain <c>Pattern</c> (string) branch.</summary>
    public required string GlobPattern { get; init; }
    public WatchKind? Kind { get; init; }
}

public sealed record DidChangeWatchedFilesParams
{
    public required FileEvent[] Changes { get; init; }
}

public sealed record FileEvent
{
    public required string Uri { get; init; }
    public required FileChangeType Type { get; init; }
}
