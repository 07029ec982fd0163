using DockerLayerLsp.Lsp.Configuration;
using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;

namespace DockerLayerLsp.Lsp.Handlers;

public sealed record DidChangeConfigurationCommand(DidChangeConfigurationParams Params) : ICommand, ILspMessage
{
    public string Method => "workspace/didChangeConfiguration";
}

public sealed class DidChangeConfigurationHandler(SettingsLoader settings) : ICommandHandler<DidChangeConfigurationCommand>
{
    public ValueTask<Unit> Handle(DidChangeConfigurationCommand command, CancellationToken cancellationToken)
    {
        // Pull-model clients send an empty notification as a "something changed" signal.
        if (settings.ClientProvidesConfiguration) _ = settings.RefreshAsync();
        else settings.ApplyPushed(command.Params.Settings);
        return Unit.ValueTask;
    }
}

public sealed record DidChangeWatchedFilesCommand(DidChangeWatchedFilesParams Params) : ICommand, ILspMessage
{
    public string Method => "workspace/didChangeWatchedFiles";
}

/// <summary>A manifest, lockfile or .dockerignore changed: reload build contexts and re-analyse.</summary>
public sealed class DidChangeWatchedFilesHandler(DocumentWorkspace workspace, DiagnosticsRefresher refresher, ServerLog log) : ICommandHandler<DidChangeWatchedFilesCommand>
{
    public ValueTask<Unit> Handle(DidChangeWatchedFilesCommand command, CancellationToken cancellationToken)
    {
        var changes = command.Params.Changes;
        if (changes.Length == 0) return Unit.ValueTask;
        log.Log($"Build context changed ({string.Join(", ", changes.Select(change => $"{change.Type} {change.Uri}"))}); re-analysing");
        workspace.SetEnvironment(environment => environment.Reloaded());
        refresher.RefreshAll();
        return Unit.ValueTask;
    }
}
