using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// LSP's Content-Length framing, except that a frame whose body is not a JSON-RPC message is dropped
/// with a log line instead of closing the connection (StreamJsonRpc's default): one bad message from
/// a client must not end the session.
/// </summary>
internal sealed class TolerantMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, Action<string> onDropped)
    : HeaderDelimitedMessageHandler(output, input, formatter)
{
    /// <summary>A stream that yields only garbage would otherwise spin here forever.</summary>
    private const int MaxConsecutiveFailures = 100;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        for (var failures = 0; ; failures++)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (failures < MaxConsecutiveFailures && e is not (OperationCanceledException or IOException or ObjectDisposedException))
            {
                onDropped($"Dropped a malformed message: {e.Message}");
            }
        }
    }
}
