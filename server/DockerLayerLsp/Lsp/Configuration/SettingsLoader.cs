using System.Text.Json;
using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Handlers;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;

namespace DockerLayerLsp.Lsp.Configuration;

/// <summary>
/// Keeps the analysis environment in step with the client's <c>dockerlayer</c> settings: pulled with
/// <c>workspace/configuration</c> when the client supports it, else taken from
/// <c>didChangeConfiguration</c>'s payload. Applying settings re-analyses every open Dockerfile.
/// </summary>
public sealed class SettingsLoader(ClientConnection client, ServerState state, DocumentWorkspace workspace, DiagnosticsRefresher refresher, ServerLog log)
{
    private int _latestRequest;
    private string? _lastRaw;

    public bool ClientProvidesConfiguration => state.ClientCapabilities.Workspace?.Configuration == true;

    /// <summary>Fetch the settings from the client; if several fetches overlap, the newest one wins.</summary>
    public async Task RefreshAsync()
    {
        if (!ClientProvidesConfiguration) return;
        var request = Interlocked.Increment(ref _latestRequest);
        try
        {
            var result = await client.RequestAsync<ConfigurationParams, JsonElement[]>(
                "workspace/configuration",
                new ConfigurationParams { Items = [new ConfigurationItem { Section = Settings.Section }] },
                CancellationToken.None).ConfigureAwait(false);
            if (request != Volatile.Read(ref _latestRequest)) return;
            ReadAndApply(result is { Length: > 0 } ? result[0] : null);
        }
        catch (Exception e)
        {
            log.Warning($"workspace/configuration failed: {e.Message}");
        }
    }

    /// <summary>Settings pushed in <c>workspace/didChangeConfiguration</c> (clients without <c>workspace/configuration</c>).</summary>
    public void ApplyPushed(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } value) return;
        ReadAndApply(value.TryGetProperty(Settings.Section, out var section) ? section : value);
    }

    // Clients send the section again on every settings change anywhere (and VS Code twice at start): the same JSON
    // is neither read again nor warned about again.
    private void ReadAndApply(JsonElement? section)
    {
        var raw = section?.GetRawText() ?? "";
        if (Interlocked.Exchange(ref _lastRaw, raw) == raw) return;
        Apply(section is { } value ? Settings.Read(value, log) : null);
    }

    private void Apply(DockerLayerSettings? settings)
    {
        settings ??= new DockerLayerSettings();
        var json = Serialize(settings);
        // Clients send the same settings again (after initialized, on every unrelated settings change): equal
        // settings keep the environment, so analyses stay cached and a pulled result id stays "unchanged".
        var changed = false;
        workspace.SetEnvironment(environment =>
        {
            changed = Serialize(environment.Settings) != json;
            return changed ? environment.WithSettings(settings) : environment;
        });
        if (!changed)
        {
            log.Log("Settings unchanged");
            return;
        }
        log.Log($"Settings applied: {json}");
        refresher.RefreshAll();
    }

    private static string Serialize(DockerLayerSettings settings) => JsonSerializer.Serialize(settings, LspJsonContext.Default.DockerLayerSettings);
}
