using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Workspace;

namespace DockerLayerLsp.Lsp.Server;

public enum LifecyclePhase { Uninitialized, Running, ShuttingDown, Exited }

/// <summary>
/// What the server learnt in <c>initialize</c> and where it is in its lifecycle. Written only by
/// mutating (queue-serialised) handlers; read from anywhere.
/// </summary>
public sealed class ServerState
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile LifecyclePhase _phase = LifecyclePhase.Uninitialized;
    private volatile string _trace = TraceValue.Off;

    public LifecyclePhase Phase => _phase;
    public ClientCapabilities ClientCapabilities { get; private set; } = new();
    public PositionEncoding Encoding { get; private set; } = PositionEncoding.Utf16;
    /// <summary>Workspace root directory (from rootUri / the first workspace folder), if any.</summary>
    public string? RootPath { get; private set; }
    public string Trace { get => _trace; set => _trace = value; }

    /// <summary>Completes with the process exit code when the client sends <c>exit</c> or hangs up.</summary>
    public Task<int> Exited => _exit.Task;

    public bool ClientPullsDiagnostics => ClientCapabilities.TextDocument?.Diagnostic is not null;

    public void Initialize(ClientCapabilities capabilities, PositionEncoding encoding, string? rootPath, string? trace)
    {
        ClientCapabilities = capabilities;
        Encoding = encoding;
        RootPath = rootPath;
        Trace = trace ?? TraceValue.Off;
        _phase = LifecyclePhase.Running;
    }

    public void BeginShutdown() => _phase = LifecyclePhase.ShuttingDown;

    /// <summary>Exit code 0 only after a <c>shutdown</c> request, as the specification says.</summary>
    public void Exit()
    {
        var code = _phase == LifecyclePhase.ShuttingDown ? 0 : 1;
        _phase = LifecyclePhase.Exited;
        _exit.TrySetResult(code);
    }
}
