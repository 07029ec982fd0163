using System.Diagnostics.CodeAnalysis;
using StreamJsonRpc;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>The server → client direction: notifications and requests to the editor.</summary>
/// <remarks>The parameter objects are serialised by their runtime type, which is always in
/// <see cref="Protocol.LspJsonContext"/> (reflection-based JSON is disabled), so the trimming
/// warnings on StreamJsonRpc's untyped overloads do not apply.</remarks>
public sealed class ClientConnection
{
    private JsonRpc? _rpc;

    internal void Attach(JsonRpc rpc) => _rpc = rpc;

    public bool IsConnected => _rpc is { IsDisposed: false };

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Runtime type is in LspJsonContext.")]
    public async Task NotifyAsync<T>(string method, T parameters) where T : class
    {
        if (_rpc is not { IsDisposed: false } rpc) return;
        try
        {
            await rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionLostException or ObjectDisposedException)
        {
            // The client went away; the host notices through JsonRpc.Completion.
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Runtime type is in LspJsonContext.")]
    public Task<TResult> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken)
        where TParams : class
    {
        var rpc = _rpc ?? throw new InvalidOperationException("Not connected.");
        return rpc.InvokeWithParameterObjectAsync<TResult>(method, parameters, cancellationToken);
    }
}
