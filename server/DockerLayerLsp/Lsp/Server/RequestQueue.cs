using System.Threading.Channels;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// Orders the client's messages the way Roslyn's LSP request queue does. Messages are taken in
/// arrival order; a mutating message (an <see cref="ICommand{TResponse}"/>: document changes,
/// lifecycle, configuration) runs alone and to completion before the next message is looked at;
/// a read-only message (an <see cref="IQuery{TResponse}"/>: hover, code actions, pulled
/// diagnostics...) is handed the immutable <see cref="WorkspaceSnapshot"/> current at its turn and
/// runs in parallel with whatever follows. So a hover sent after a change always sees that change,
/// and a slow hover never holds up typing.
/// </summary>
public sealed class RequestQueue(IMediator mediator, DocumentWorkspace workspace, ServerState state, ServerLog log)
{
    private readonly Channel<QueueItem> _items = Channel.CreateUnbounded<QueueItem>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queue a mutating message. Must be called in the order messages arrived.</summary>
    public Task<TResponse> Execute<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        var method = MethodName.Of(command);
        return Enqueue<TResponse>(method, mutating: true, (_, ct) => mediator.Send(command, ct), cancellationToken);
    }

    /// <summary>Queue a read-only message, built from the snapshot current when its turn comes.</summary>
    public Task<TResponse> Execute<TResponse>(string method, Func<WorkspaceSnapshot, IQuery<TResponse>> query, CancellationToken cancellationToken)
        => Enqueue<TResponse>(method, mutating: false, (snapshot, ct) => mediator.Send(query(snapshot!), ct), cancellationToken);

    private Task<TResponse> Enqueue<TResponse>(string method, bool mutating, Func<WorkspaceSnapshot?, CancellationToken, ValueTask<TResponse>> run, CancellationToken cancellationToken)
    {
        var item = new QueueItem<TResponse>(method, mutating, run, cancellationToken);
        if (!_items.Writer.TryWrite(item))
        {
            item.Fail(new LspException(ErrorCodes.InvalidRequest, "The server has exited."));
        }
        return item.Task;
    }

    public void Complete() => _items.Writer.TryComplete();

    /// <summary>The single consumer loop; runs until <see cref="Complete"/>.</summary>
    public async Task RunAsync()
    {
        await foreach (var item in _items.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (!Admit(item)) continue;
            if (item.CancellationToken.IsCancellationRequested)
            {
                item.Cancel();
                continue;
            }
            if (item.IsMutating)
            {
                await item.RunAsync(null).ConfigureAwait(false);
            }
            else
            {
                var snapshot = workspace.Current;
                _ = Task.Run(() => item.RunAsync(snapshot));
            }
        }
    }

    /// <summary>The lifecycle gate: nothing but initialize before initialize, nothing but exit after shutdown.</summary>
    private bool Admit(QueueItem item)
    {
        var phase = state.Phase;
        string? refusal = (phase, item.Method) switch
        {
            (_, "exit") => null,
            (LifecyclePhase.Uninitialized, "initialize") => null,
            (LifecyclePhase.Uninitialized, _) => "The server is not initialized yet.",
            (_, "initialize") => "The server is already initialized.",
            (LifecyclePhase.ShuttingDown or LifecyclePhase.Exited, _) => "The server is shutting down.",
            _ => null,
        };
        if (refusal is null) return true;
        log.Warning($"{item.Method}: {refusal}");
        var code = phase == LifecyclePhase.Uninitialized && item.Method != "initialize"
            ? ErrorCodes.ServerNotInitialized
            : ErrorCodes.InvalidRequest;
        item.Fail(new StreamJsonRpc.LocalRpcException(refusal) { ErrorCode = code });
        return false;
    }

    private abstract class QueueItem(string method, bool isMutating, CancellationToken cancellationToken)
    {
        public string Method { get; } = method;
        public bool IsMutating { get; } = isMutating;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public abstract Task RunAsync(WorkspaceSnapshot? snapshot);
        public abstract void Cancel();
        public abstract void Fail(Exception exception);
    }

    private sealed class QueueItem<TResponse>(
        string method, bool mutating, Func<WorkspaceSnapshot?, CancellationToken, ValueTask<TResponse>> run, CancellationToken cancellationToken)
        : QueueItem(method, mutating, cancellationToken)
    {
        private readonly TaskCompletionSource<TResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<TResponse> Task => _completion.Task;

        public override async Task RunAsync(WorkspaceSnapshot? snapshot)
        {
            try
            {
                _completion.TrySetResult(await run(snapshot, CancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(CancellationToken);
            }
            catch (Exception e)
            {
                _completion.TrySetException(e);
            }
        }

        public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
