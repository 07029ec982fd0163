using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

/// <summary>The end-to-end story on examples/go-modules: finding, quick fix, fixed file, no finding.</summary>
public sealed class GoExampleTests
{
    private static readonly string ExampleDirectory = RepositoryPaths.Example("go-modules");
    private static readonly string DockerfilePath = Path.Combine(ExampleDirectory, "Dockerfile");
    private static readonly string DockerfileUri = new Uri(DockerfilePath).AbsoluteUri;

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Quick_fix_from_pushed_diagnostic_removes_the_finding(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync(ExampleDirectory);
        var document = new ClientDocument(DockerfileUri, File.ReadAllText(DockerfilePath));
        await client.OpenAsync(document.Uri, document.Text);

        var published = await client.WaitForDiagnosticsAsync(document.Uri, version: 1);
        var diagnostic = Assert.Single(published["params"]!["diagnostics"]!.AsArray())!.AsObject();
        Assert.Equal("DLC001", (string?)diagnostic["code"]);
        Assert.Equal("dockerlayer", (string?)diagnostic["source"]);
        Assert.StartsWith("https://", (string?)diagnostic["codeDescription"]!["href"]);
        Assert.Equal(document.PositionOf("COPY . .")["line"]!.GetValue<int>(), (int)diagnostic["range"]!["start"]!["line"]!);
        var related = Assert.Single(diagnostic["relatedInformation"]!.AsArray())!;
        Assert.Equal(document.PositionOf("RUN go mod download")["line"]!.GetValue<int>(), (int)related["location"]!["range"]!["start"]!["line"]!);
        Assert.Equal(document.Uri, (string?)related["location"]!["uri"]);

        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.DeepClone()), ["only"] = new JsonArray("quickfix") },
        }))!.AsArray();
        var fix = actions.Single(action => (bool?)action!["isPreferred"] == true)!;
        Assert.Equal("quickfix", (string?)fix["kind"]);
        Assert.Contains(actions, action => ((string?)action!["title"])!.StartsWith("Suppress DLC001", StringComparison.Ordinal));

        document.ApplyEdits(fix["edit"]!["changes"]![document.Uri]!.AsArray());
        Assert.Contains("COPY go.mod go.sum ./", document.Text);
        Assert.True(document.Text.IndexOf("RUN go mod download", StringComparison.Ordinal) < document.Text.IndexOf("COPY . .", StringComparison.Ordinal));
        await client.NotifyAsync("textDocument/didChange", document.ReplaceAll(document.Text));

        var fixedPublish = await client.WaitForDiagnosticsAsync(document.Uri, version: 2);
        Assert.Empty(fixedPublish["params"]!["diagnostics"]!.AsArray());
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Null(client.ProtocolViolation);
    }
}
