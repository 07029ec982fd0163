using System.Diagnostics.CodeAnalysis;
using DockerLayerLsp.Lsp.Configuration;
using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace DockerLayerLsp.Lsp;

/// <summary>
/// <c>dockerlayer server</c>: the language server over a pair of streams (stdin/stdout in
/// production, in-memory pipes in tests). Returns the process exit code: 0 after
/// shutdown + exit, 1 when the client exits or disconnects without shutting down.
/// </summary>
public static class LanguageServerHost
{
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken ct)
    {
        await using var services = CreateServices(log);
        var state = services.GetRequiredService<ServerState>();
        var queue = services.GetRequiredService<RequestQueue>();
        var publisher = services.GetRequiredService<DiagnosticsPublisher>();
        var serverLog = services.GetRequiredService<ServerLog>();

        using var rpc = CreateConnection(input, output, services.GetRequiredService<LspEndpoint>(), serverLog.Warning);
        services.GetRequiredService<ClientConnection>().Attach(rpc);

        var queueLoop = queue.RunAsync();
        var publisherLoop = publisher.RunAsync();
        rpc.StartListening();
        serverLog.Log($"dockerlayer language server started (pid {Environment.ProcessId})");

        var cancelled = Task.Delay(Timeout.Infinite, ct);
        var first = await Task.WhenAny(state.Exited, rpc.Completion, cancelled).ConfigureAwait(false);
        if (first == rpc.Completion && rpc.Completion.Exception is { } error)
        {
            serverLog.Error($"Connection failed: {error.GetBaseException().Message}");
        }
        if (!state.Exited.IsCompleted)
        {
            // The client hung up (or we were cancelled) without `exit`: treat it as one.
            serverLog.Log(first == cancelled ? "Cancelled" : "Client disconnected");
            state.Exit();
        }

        queue.Complete();
        publisher.Complete();
        try
        {
            await Task.WhenAll(queueLoop, publisherLoop).WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            serverLog.Warning("Background work did not finish within 2 s of exit");
        }
        return await state.Exited.ConfigureAwait(false);
    }

    private static ServiceProvider CreateServices(TextWriter log)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new StderrWriter(log));
        services.AddSingleton<ServerState>();
        services.AddSingleton<ClientConnection>();
        services.AddSingleton(provider => new ServerLog(provider.GetRequiredService<StderrWriter>().Writer, provider.GetRequiredService<ClientConnection>(), provider.GetRequiredService<ServerState>()));
        services.AddSingleton(provider =>
        {
            var serverLog = provider.GetRequiredService<ServerLog>();
            return new DocumentWorkspace(new AnalysisEnvironment(new DockerLayerSettings(), rootPath: null, generation: 0, serverLog.Warning));
        });
        services.AddSingleton<RequestQueue>();
        services.AddSingleton<DiagnosticsPublisher>();
        services.AddSingleton<DiagnosticsRefresher>();
        services.AddSingleton<SettingsLoader>();
        services.AddSingleton<FileWatcherRegistration>();
        services.AddSingleton<LspEndpoint>();
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            // Listed outermost first: log, time, then turn exceptions into JSON-RPC errors.
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(TimingBehavior<,>), typeof(ExceptionBehavior<,>)];
        });
        return services.BuildServiceProvider();
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Every parameter and result type is in LspJsonContext; reflection-based JSON is disabled.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Every parameter and result type is in LspJsonContext; reflection-based JSON is disabled.")]
    private static JsonRpc CreateConnection(Stream input, Stream output, LspEndpoint endpoint, Action<string> warn)
    {
        var formatter = new SystemTextJsonFormatter();
        var options = formatter.JsonSerializerOptions;
        options.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        options.TypeInfoResolverChain.Insert(0, LspJsonContext.Default);

        var rpc = new LspJsonRpc(new LspMessageHandler(output, input, formatter, warn), warn)
        {
            // Invoke endpoint methods one at a time in arrival order; each only enqueues, so this costs nothing.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        rpc.AddLocalRpcTarget(endpoint, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        return rpc;
    }

    /// <summary>Wraps the log writer so DI does not confuse it with any other TextWriter.</summary>
    private sealed record StderrWriter(TextWriter Writer);
}
