using StreamJsonRpc;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>The server → client direction: notifications and requests to the editor.</summary>
public sealed class ClientConnection
{
    private JsonRpc? _rpc;

    internal void Attach(JsonRpc rpc) => _rpc = rpc;

    public bool IsConnected => _rpc is { IsDisposed: false };

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

    public Task<TResult> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken)
        where TParams : class
    {
        var rpc = _rpc ?? throw new InvalidOperationException("Not connected.");
        return rpc.InvokeWithParameterObjectAsync<TResult>(method, parameters, cancellationToken);
    }
}
