using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

/// <summary>Pulled diagnostics and lazily resolved code actions: quick fix, fix-all, suppression.</summary>
public sealed class CodeActionTests
{
    private static readonly string ExampleDirectory = RepositoryPaths.Example("go-modules");
    private static readonly string DockerfilePath = Path.Combine(ExampleDirectory, "Dockerfile");
    private static readonly string DockerfileUri = new Uri(DockerfilePath).AbsoluteUri;

    private static async Task<(LspClient Client, ClientDocument Document)> StartAsync(string kind)
    {
        var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync(ExampleDirectory, LspClient.DefaultCapabilities(pullDiagnostics: true, resolveCodeActions: true));
        var document = new ClientDocument(DockerfileUri, File.ReadAllText(DockerfilePath));
        await client.OpenAsync(document.Uri, document.Text);
        return (client, document);
    }

    private static Task<JsonNode?> PullAsync(LspClient client, string uri, string? previousResultId = null)
    {
        var parameters = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } };
        if (previousResultId is not null) parameters["previousResultId"] = previousResultId;
        return client.RequestAsync("textDocument/diagnostic", parameters);
    }

    private static async Task<JsonArray> CodeActionsAsync(LspClient client, ClientDocument document, JsonNode range, JsonArray diagnostics, params string[] only)
    {
        var context = new JsonObject { ["diagnostics"] = diagnostics };
        if (only.Length > 0) context["only"] = new JsonArray([.. only.Select(o => (JsonNode)o)]);
        return (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
            ["range"] = range.DeepClone(),
            ["context"] = context,
        }))!.AsArray();
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Pulled_diagnostics_and_resolved_quick_fix(string kind)
    {
        var (client, document) = await StartAsync(kind);
        await using var _ = client;

        var report = (await PullAsync(client, document.Uri))!;
        Assert.Equal("full", (string?)report["kind"]);
        var diagnostic = Assert.Single(report["items"]!.AsArray())!;
        Assert.Equal("DLC001", (string?)diagnostic["code"]);
        var resultId = (string)report["resultId"]!;
        var second = (await PullAsync(client, document.Uri, resultId))!;
        Assert.True("unchanged" == (string?)second["kind"], $"first {resultId}, then {second["resultId"]}\n{client.Stderr}");

        var actions = await CodeActionsAsync(client, document, diagnostic["range"]!, new JsonArray(diagnostic.DeepClone()));
        Assert.All(actions, action => Assert.Null(action!["edit"]));
        var preferred = actions.Single(a => (bool?)a!["isPreferred"] == true)!;
        var resolved = (await client.RequestAsync("codeAction/resolve", preferred.DeepClone()))!;
        Assert.Equal((string?)preferred["title"], (string?)resolved["title"]);
        document.ApplyEdits(resolved["edit"]!["changes"]![document.Uri]!.AsArray());
        await client.NotifyAsync("textDocument/didChange", document.ReplaceAll(document.Text));

        var after = (await PullAsync(client, document.Uri, resultId))!;
        Assert.Equal("full", (string?)after["kind"]);
        Assert.Empty(after["items"]!.AsArray());

        // The old action is stale now.
        var stale = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("codeAction/resolve", preferred.DeepClone()));
        Assert.Equal(-32801, stale.Code);
        Assert.Empty(client.Notifications("textDocument/publishDiagnostics"));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Fix_all_in_file_fixes_every_safe_finding(string kind)
    {
        var (client, document) = await StartAsync(kind);
        await using var _ = client;
        var whole = new JsonObject { ["start"] = document.Position(0), ["end"] = document.Position(document.Text.Length) };
        var actions = await CodeActionsAsync(client, document, whole, [], "source.fixAll");
        var fixAll = Assert.Single(actions)!;
        Assert.Equal("source.fixAll.dockerlayer", (string?)fixAll["kind"]);
        var resolved = (await client.RequestAsync("codeAction/resolve", fixAll.DeepClone()))!;
        document.ApplyEdits(resolved["edit"]!["changes"]![document.Uri]!.AsArray());
        await client.NotifyAsync("textDocument/didChange", document.ReplaceAll(document.Text));
        Assert.Empty((await PullAsync(client, document.Uri))!["items"]!.AsArray());
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Suppress_action_writes_an_ignore_comment(string kind)
    {
        var (client, document) = await StartAsync(kind);
        await using var _ = client;
        var diagnostic = (await PullAsync(client, document.Uri))!["items"]![0]!;
        var actions = await CodeActionsAsync(client, document, diagnostic["range"]!, new JsonArray(diagnostic.DeepClone()), "quickfix");
        var suppress = actions.Single(a => ((string)a!["title"]!).StartsWith("Suppress DLC001", StringComparison.Ordinal))!;
        Assert.Null(suppress["isPreferred"]);
        var resolved = (await client.RequestAsync("codeAction/resolve", suppress.DeepClone()))!;
        document.ApplyEdits(resolved["edit"]!["changes"]![document.Uri]!.AsArray());
        Assert.Contains("dockerlayer ignore=DLC001", document.Text);
        await client.NotifyAsync("textDocument/didChange", document.ReplaceAll(document.Text));
        Assert.Empty((await PullAsync(client, document.Uri))!["items"]!.AsArray());
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Quick_fixes_are_offered_at_the_cursor_even_without_diagnostics_in_the_request()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        await client.InitializeAsync(ExampleDirectory);
        var document = new ClientDocument(DockerfileUri, File.ReadAllText(DockerfilePath));
        await client.OpenAsync(document.Uri, document.Text);
        var cursor = document.PositionOf("COPY . .", 2);
        var actions = await CodeActionsAsync(client, document, new JsonObject { ["start"] = cursor, ["end"] = cursor.DeepClone() }, []);
        var preferred = actions.Single(a => (bool?)a!["isPreferred"] == true)!;
        Assert.NotNull(preferred["edit"]);
        Assert.Contains(actions, a => (string?)a!["kind"] == "source.fixAll.dockerlayer");
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }
}
