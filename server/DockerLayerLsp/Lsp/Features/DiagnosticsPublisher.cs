using System.Collections.Concurrent;
using System.Threading.Channels;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;

namespace DockerLayerLsp.Lsp.Features;

/// <summary>
/// Pushes <c>textDocument/publishDiagnostics</c>. Each document is at most once in the pending set:
/// a burst of edits collapses into one analysis of the newest version, with no debounce delay, and a
/// result is dropped instead of published if the document moved on while it was computed. So the
/// client never receives a queue of stale publishes. Clients that pull diagnostics get none pushed.
/// </summary>
public sealed class DiagnosticsPublisher(DocumentWorkspace workspace, ClientConnection client, ServerState state, ServerLog log)
{
    private readonly ConcurrentDictionary<string, byte> _pending = new();
    private readonly Channel<string> _work = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Schedule(string uri)
    {
        if (state.ClientPullsDiagnostics) return;
        if (_pending.TryAdd(uri, 0)) _work.Writer.TryWrite(uri);
    }

    public void ScheduleAll()
    {
        foreach (var uri in workspace.Current.Documents.Keys) Schedule(uri);
    }

    public void Complete() => _work.Writer.TryComplete();

    public async Task RunAsync()
    {
        await foreach (var uri in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _pending.TryRemove(uri, out _);
            try
            {
                await PublishAsync(uri).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                log.Error($"Diagnostics for {uri} failed: {e}");
            }
        }
    }

    private async Task PublishAsync(string uri)
    {
        var document = workspace.Current.GetDocument(uri);
        if (document is null)
        {
            // Closed: clear what we published for it.
            await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams { Uri = uri, Diagnostics = [] });
            return;
        }
        var diagnostics = await Task.Run(() => DiagnosticFactory.Create(document, state.Encoding)).ConfigureAwait(false);
        if (!ReferenceEquals(workspace.Current.GetDocument(uri), document))
        {
            log.Trace($"Dropped diagnostics of {uri} v{document.Version}: superseded while analysing");
            return;
        }
        await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams
        {
            Uri = uri,
            Version = document.Version,
            Diagnostics = diagnostics,
        });
    }
}
