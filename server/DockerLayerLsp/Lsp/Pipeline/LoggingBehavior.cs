using DockerLayerLsp.Lsp.Server;
using Mediator;

namespace DockerLayerLsp.Lsp.Pipeline;

/// <summary>Outermost behaviour: one trace line when a message starts and when it fails.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ServerLog log) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var method = MethodName.Of(message);
        log.Trace($"→ {method}");
        try
        {
            return await next(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Trace($"✕ {method} cancelled");
            throw;
        }
    }
}

internal static class MethodName
{
    public static string Of<TMessage>(TMessage message) => message is ILspMessage lsp ? lsp.Method : typeof(TMessage).Name;
}
