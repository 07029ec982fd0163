using System.Text.Json;
using DockerLayerLsp.Lsp.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// StreamJsonRpc's connection with LSP's error code for parameters that do not deserialise (a missing
/// required field, a string where a number belongs): InvalidParams, with the reason, rather than the
/// generic -32000.
/// </summary>
internal sealed class LspJsonRpc(IJsonRpcMessageHandler handler, Action<string> log) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        if (exception is RpcArgumentDeserializationException or JsonException || exception.InnerException is JsonException)
        {
            var reason = (exception.InnerException ?? exception).Message;
            log($"{request.Method}: invalid parameters: {reason}");
            return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)ErrorCodes.InvalidParams, Message = $"Invalid parameters for {request.Method}: {reason}" };
        }
        return base.CreateErrorDetails(request, exception);
    }
}
