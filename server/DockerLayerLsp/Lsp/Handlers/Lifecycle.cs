using System.Reflection;
using System.Text.Json;
using DockerLayerLsp.Lsp.Configuration;
using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;

namespace DockerLayerLsp.Lsp.Handlers;

public sealed record InitializeCommand(InitializeParams Params) : ICommand<InitializeResult>, ILspMessage
{
    public string Method => "initialize";
}

public sealed class InitializeHandler(ServerState state, DocumentWorkspace workspace, ServerLog log) : ICommandHandler<InitializeCommand, InitializeResult>
{
    public ValueTask<InitializeResult> Handle(InitializeCommand command, CancellationToken cancellationToken)
    {
        var p = command.Params;
        var encoding = PositionEncoding.Negotiate(p.Capabilities.General?.PositionEncodings);
        var rootUri = p.WorkspaceFolders is { Length: > 0 } folders ? folders[0].Uri : p.RootUri;
        var rootPath = (rootUri is null ? null : DockerfileNames.ToLocalPath(rootUri)) ?? p.RootPath;
        state.Initialize(p.Capabilities, encoding, rootPath, p.Trace);

        var settings = Settings.FromInitializationOptions(p.InitializationOptions, log);
        workspace.SetEnvironment(environment => new AnalysisEnvironment(settings ?? environment.Settings, rootPath, environment.Generation + 1, log.Warning));
        log.Info($"Initialized for {p.ClientInfo?.Name ?? "an unnamed client"} {p.ClientInfo?.Version}; root {rootPath ?? "(none)"}, positions in {encoding.Kind}, diagnostics {(state.ClientPullsDiagnostics ? "pulled" : "pushed")}");

        return ValueTask.FromResult(new InitializeResult
        {
            Capabilities = new ServerCapabilities
            {
                PositionEncoding = encoding.Kind,
                TextDocumentSync = new TextDocumentSyncOptions
                {
                    OpenClose = true,
                    Change = TextDocumentSyncKind.Incremental,
                    Save = new SaveOptions { IncludeText = false },
                },
                HoverProvider = true,
                DocumentSymbolProvider = true,
                FoldingRangeProvider = true,
                CodeActionProvider = new CodeActionOptions
                {
                    CodeActionKinds = [CodeActionKind.QuickFix, CodeActionFactory.FixAllKind],
                    ResolveProvider = true,
                },
                DiagnosticProvider = new DiagnosticOptions
                {
                    Identifier = DiagnosticFactory.Source,
                    InterFileDependencies = false,
                    WorkspaceDiagnostics = false,
                },
            },
            ServerInfo = new ServerInfo { Name = "dockerlayer", Version = ServerVersion },
        });
    }

    private static string? ServerVersion => typeof(InitializeHandler).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}

public sealed record InitializedCommand : ICommand, ILspMessage
{
    public string Method => "initialized";
}

public sealed class InitializedHandler(SettingsLoader settings, FileWatcherRegistration watchers) : ICommandHandler<InitializedCommand>
{
    public ValueTask<Unit> Handle(InitializedCommand command, CancellationToken cancellationToken)
    {
        // Both talk back to the client; they run beside the queue so a slow client cannot stall it.
        _ = settings.RefreshAsync();
        _ = watchers.RegisterAsync();
        return Unit.ValueTask;
    }
}

public sealed record ShutdownCommand : ICommand, ILspMessage
{
    public string Method => "shutdown";
}

public sealed class ShutdownHandler(ServerState state, ServerLog log) : ICommandHandler<ShutdownCommand>
{
    public ValueTask<Unit> Handle(ShutdownCommand command, CancellationToken cancellationToken)
    {
        log.Info("Shutdown requested");
        state.BeginShutdown();
        return Unit.ValueTask;
    }
}

public sealed record ExitCommand : ICommand, ILspMessage
{
    public string Method => "exit";
}

public sealed class ExitHandler(ServerState state, ServerLog log) : ICommandHandler<ExitCommand>
{
    public ValueTask<Unit> Handle(ExitCommand command, CancellationToken cancellationToken)
    {
        if (state.Phase != LifecyclePhase.ShuttingDown) log.Warning("exit without shutdown: exit code 1");
        state.Exit();
        return Unit.ValueTask;
    }
}

public sealed record SetTraceCommand(SetTraceParams Params) : ICommand, ILspMessage
{
    public string Method => "$/setTrace";
}

public sealed class SetTraceHandler(ServerState state, ServerLog log) : ICommandHandler<SetTraceCommand>
{
    public ValueTask<Unit> Handle(SetTraceCommand command, CancellationToken cancellationToken)
    {
        var value = command.Params.Value;
        if (value is not (TraceValue.Off or TraceValue.Messages or TraceValue.Verbose))
        {
            throw new LspException(ErrorCodes.InvalidParams, $"Unknown trace value \"{value}\"");
        }
        state.Trace = value;
        log.Log($"Trace set to {value}");
        return Unit.ValueTask;
    }
}
