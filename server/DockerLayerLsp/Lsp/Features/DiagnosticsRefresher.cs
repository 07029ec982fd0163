using DockerLayerLsp.Lsp.Server;

namespace DockerLayerLsp.Lsp.Features;

/// <summary>After settings or build-context changes: re-push every open document's diagnostics, or
/// ask a pulling client to pull again (<c>workspace/diagnostic/refresh</c>).</summary>
public sealed class DiagnosticsRefresher(DiagnosticsPublisher publisher, ClientConnection client, ServerState state, ServerLog log)
{
    public void RefreshAll()
    {
        if (!state.ClientPullsDiagnostics)
        {
            publisher.ScheduleAll();
            return;
        }
        if (state.ClientCapabilities.Workspace?.Diagnostics?.RefreshSupport != true) return;
        _ = RequestRefreshAsync();
    }

    private async Task RequestRefreshAsync()
    {
        try
        {
            await client.RequestAsync<object, object?>("workspace/diagnostic/refresh", null!, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.Warning($"workspace/diagnostic/refresh failed: {e.Message}");
        }
    }
}
