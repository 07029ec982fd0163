using System.Diagnostics;
using DockerLayerLsp.Lsp.Server;
using Mediator;

namespace DockerLayerLsp.Lsp.Pipeline;

/// <summary>Measures each handler; slow ones are logged as warnings so they show up in the editor.</summary>
public sealed class TimingBehavior<TMessage, TResponse>(ServerLog log) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromSeconds(1);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var line = $"← {MethodName.Of(message)} in {elapsed.TotalMilliseconds:0.0} ms";
            if (elapsed > SlowThreshold) log.Warning($"slow: {line}");
            else log.Trace(line);
        }
    }
}
