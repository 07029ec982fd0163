using System.Text;
using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

/// <summary>
/// A real session (initialize → diagnostics → code action → hover), recorded frame by frame into
/// .test-results/lsp-transcript.md; with DOCKERLAYER_WRITE_TRANSCRIPT=1 also into docs/lsp-transcript.md.
/// </summary>
public sealed class TranscriptTests
{
    [Fact]
    public async Task Record_a_session_transcript()
    {
        var directory = RepositoryPaths.Example("go-modules");
        var path = Path.Combine(directory, "Dockerfile");
        var kind = ServerBuilds.AotPath is null ? ServerBuilds.Dll : ServerBuilds.Aot;
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync(directory, LspClient.DefaultCapabilities(resolveCodeActions: true));
        var document = new ClientDocument(new Uri(path).AbsoluteUri, File.ReadAllText(path));
        await client.OpenAsync(document.Uri, document.Text);
        var diagnostic = (await client.WaitForDiagnosticsAsync(document.Uri, 1))["params"]!["diagnostics"]![0]!;
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.DeepClone()), ["only"] = new JsonArray("quickfix") },
        }))!.AsArray();
        var resolved = await client.RequestAsync("codeAction/resolve", actions.First(a => (bool?)a!["isPreferred"] == true)!.DeepClone());
        Assert.NotNull(resolved!["edit"]);
        await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
            ["position"] = document.PositionOf("RUN go mod download", 1),
        });
        Assert.Equal(0, await client.ShutdownAndExitAsync());

        var markdown = Render(client.Transcript, kind, document.Uri.Replace(RepositoryPaths.Root, "<repo>", StringComparison.Ordinal));
        var results = Path.Combine(RepositoryPaths.Root, ".test-results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "lsp-transcript.md"), markdown);
        if (Environment.GetEnvironmentVariable("DOCKERLAYER_WRITE_TRANSCRIPT") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryPaths.Root, "docs", "lsp-transcript.md"), markdown);
        }
    }

    private static string Render(IReadOnlyList<TranscriptEntry> transcript, string kind, string uri)
    {
        var text = new StringBuilder();
        text.AppendLine("# A dockerlayer language server session");
        text.AppendLine();
        text.AppendLine("Recorded by the test client of `tests/DockerLayerLsp.Server.Tests` (`TranscriptTests`) against the");
        text.AppendLine($"{(kind == ServerBuilds.Aot ? "NativeAOT binary" : "JIT-compiled dll")} of `dockerlayer server`, over stdio with Content-Length framing,");
        text.AppendLine("on `examples/go-modules/Dockerfile`: initialize → diagnostics → code action (resolved lazily) → hover → shutdown.");
        text.AppendLine("Each frame's body is shown as sent, pretty-printed; `→` is client to server, `←` server to client.");
        text.AppendLine("Server logs go to stderr and are not part of the transcript.");
        text.AppendLine();
        foreach (var entry in transcript)
        {
            var node = JsonNode.Parse(entry.Json)!;
            var method = (string?)node["method"];
            var title = method is not null
                ? (node["id"] is null ? $"notification `{method}`" : $"request `{method}` (id {node["id"]})")
                : $"response (id {node["id"]})";
            text.AppendLine($"### {(entry.FromClient ? "→" : "←")} {title} · {entry.At.TotalMilliseconds:0} ms");
            text.AppendLine();
            text.AppendLine("```json");
            text.AppendLine(LspClient.Pretty(entry.Json).Replace(RepositoryPaths.Root, "<repo>", StringComparison.Ordinal));
            text.AppendLine("```");
            text.AppendLine();
        }
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
