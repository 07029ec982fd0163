using DockerLayerLsp.Lsp.Protocol;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// The server's log: every line goes to stderr (never stdout, which carries LSP frames); warnings and
/// errors also reach the editor through <c>window/logMessage</c>, and with <c>$/setTrace</c> at
/// "messages"/"verbose" so does the rest (as <c>$/logTrace</c>).
/// </summary>
public sealed class ServerLog(TextWriter stderr, ClientConnection client, ServerState state)
{
    private readonly Lock _gate = new();

    public void Error(string message) => Write(MessageType.Error, message);
    public void Warning(string message) => Write(MessageType.Warning, message);
    public void Info(string message) => Write(MessageType.Info, message);
    public void Log(string message) => Write(MessageType.Log, message);

    /// <summary>Request tracing: stderr always, the client when tracing is on.</summary>
    public void Trace(string message, string? verbose = null)
    {
        WriteStderr("trace", message);
        var trace = state.Trace;
        if (trace == TraceValue.Off || state.Phase != LifecyclePhase.Running) return;
        _ = client.NotifyAsync("$/logTrace", new LogTraceParams
        {
            Message = message,
            Verbose = trace == TraceValue.Verbose ? verbose : null,
        });
    }

    private void Write(MessageType type, string message)
    {
        WriteStderr(type.ToString().ToLowerInvariant(), message);
        var forward = type <= MessageType.Warning || (type == MessageType.Info && state.Trace != TraceValue.Off);
        if (forward && state.Phase is LifecyclePhase.Running or LifecyclePhase.ShuttingDown)
        {
            _ = client.NotifyAsync("window/logMessage", new LogMessageParams { Type = type, Message = message });
        }
    }

    private void WriteStderr(string level, string message)
    {
        lock (_gate)
        {
            stderr.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff} {level}] {message}");
            stderr.Flush();
        }
    }
}
