using System.Text.Json;
using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;

namespace DockerLayerLsp.Lsp.Configuration;

/// <summary>
/// Asks the client to watch the files a build context's analysis reads: every ecosystem's manifests
/// and lockfiles (from the ecosystem table, never a list of our own) and <c>.dockerignore</c> files.
/// Creating a lockfile or editing <c>.dockerignore</c> then re-analyses the open Dockerfiles.
/// </summary>
public sealed class FileWatcherRegistration(ClientConnection client, ServerState state, ServerLog log)
{
    public const string RegistrationId = "dockerlayer-build-context-files";

    public bool IsSupported => state.ClientCapabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true;

    public static string[] GlobPatterns()
    {
        var manifests = EcosystemCatalog.All
            .SelectMany(ecosystem => ecosystem.Manifests)
            .Select(manifest => manifest.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return [$"**/{{{string.Join(',', manifests)}}}", "**/.dockerignore", "**/*.dockerignore"];
    }

    public async Task RegisterAsync()
    {
        if (!IsSupported)
        {
            log.Log("Client cannot watch files for us: build contexts are read once per settings change");
            return;
        }
        var options = new DidChangeWatchedFilesRegistrationOptions
        {
            Watchers = [.. GlobPatterns().Select(glob => new Protocol.FileSystemWatcher { GlobPattern = glob })],
        };
        try
        {
            await client.RequestAsync<RegistrationParams, JsonElement?>("client/registerCapability", new RegistrationParams
            {
                Registrations =
                [
                    new Registration
                    {
                        Id = RegistrationId,
                        Method = "workspace/didChangeWatchedFiles",
                        RegisterOptions = JsonSerializer.SerializeToElement(options, LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions),
                    },
                ],
            }, CancellationToken.None).ConfigureAwait(false);
            log.Log("Watching manifests and .dockerignore files");
        }
        catch (Exception e)
        {
            log.Warning($"client/registerCapability failed: {e.Message}");
        }
    }
}
