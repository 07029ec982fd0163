using System.Text.Json;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using Mediator;
using StreamJsonRpc;

namespace DockerLayerLsp.Lsp.Pipeline;

/// <summary>
/// Innermost behaviour: a failing handler becomes a JSON-RPC error for that one request, and the
/// server lives on. Cancellation passes through (StreamJsonRpc answers RequestCancelled).
/// </summary>
public sealed class ExceptionBehavior<TMessage, TResponse>(ServerLog log) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (LspException e)
        {
            log.Warning($"{MethodName.Of(message)}: {e.Message}");
            throw new LocalRpcException(e.Message) { ErrorCode = e.Code };
        }
        catch (JsonException e)
        {
            log.Warning($"{MethodName.Of(message)}: invalid parameters: {e.Message}");
            throw new LocalRpcException($"Invalid parameters: {e.Message}") { ErrorCode = ErrorCodes.InvalidParams };
        }
        catch (Exception e) when (e is not LocalRpcException)
        {
            log.Error($"{MethodName.Of(message)} failed: {e}");
            throw new LocalRpcException($"{MethodName.Of(message)} failed: {e.Message}") { ErrorCode = ErrorCodes.InternalError };
        }
    }
}
