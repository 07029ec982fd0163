using System.Text;
using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

/// <summary>Bad input gets a clear error or a log line; the server never dies and never loses the client's text.</summary>
public sealed partial class RobustnessTests
{
    private const string Uri = "file:///tmp/robustness/Dockerfile";
    private const string Text = "FROM alpine:3.20\nRUN apk add --no-cache curl\n";

    private static async Task<LspClient> StartWithDocumentAsync(string kind = ServerBuilds.Dll)
    {
        var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync();
        await client.OpenAsync(Uri, Text);
        return client;
    }

    private static async Task AssertAliveAsync(LspClient client, string expectedText = Text)
    {
        var text = await client.RequestAsync("dockerlayer/debug/documentText", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        Assert.Equal(expectedText, (string?)text!["text"]);
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Malformed_json_is_answered_or_dropped_and_the_server_lives_on(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        await client.WriteFrameAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":"));
        await client.WriteFrameAsync(Encoding.UTF8.GetBytes("[1,2,3]"));
        await client.WriteFrameAsync(Encoding.UTF8.GetBytes("not json at all"));
        await AssertAliveAsync(client);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Unknown_method_is_MethodNotFound_and_unknown_notifications_are_ignored(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        var error = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/teleport", new JsonObject()));
        Assert.Equal(-32601, error.Code);
        await client.NotifyAsync("$/somethingNew", new JsonObject { ["x"] = 1 });
        await client.NotifyAsync("workspace/unheardOf", null);
        await AssertAliveAsync(client);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Invalid_params_and_failing_handlers_answer_with_errors(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        // Missing a required field.
        var missing = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } }));
        Assert.Equal(-32602, missing.Code);
        // A document that is not open.
        var notOpen = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/hover", LifecycleTests.Hover("file:///elsewhere/Dockerfile", 0, 0)));
        Assert.Equal(-32602, notOpen.Code);
        Assert.Contains("not an open Dockerfile", notOpen.ErrorMessage);
        // A code action to resolve that is not ours.
        var foreign = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("codeAction/resolve", new JsonObject { ["title"] = "x", ["data"] = new JsonObject { ["foo"] = 1 } }));
        Assert.Equal(-32602, foreign.Code);
        await AssertAliveAsync(client);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Positions_past_the_end_give_no_hover_and_changes_past_the_end_clamp(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        Assert.Null(await client.RequestAsync("textDocument/hover", LifecycleTests.Hover(Uri, 500, 3)));
        // Past the end of a line clamps to the line end: an answer (hover or null), not an error.
        await client.RequestAsync("textDocument/hover", LifecycleTests.Hover(Uri, 0, 500));

        // A change whose range ends past the end of the text clamps, like editors' own text models.
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 1, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 99, ["character"] = 0 } },
                ["text"] = "RUN true\n",
            }),
        });
        await AssertAliveAsync(client, "FROM alpine:3.20\nRUN true\n");
        Assert.Contains("past the end", client.Stderr);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Changes_to_unopened_documents_and_stale_versions_are_ignored_with_a_log_line(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///tmp/robustness/other/Dockerfile", ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "FROM scratch" }),
        });
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 1 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "FROM stale" }),
        });
        await AssertAliveAsync(client);
        Assert.Contains("not open", client.Stderr);
        Assert.Contains("is not newer than", client.Stderr);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task CancelRequest_is_honoured_or_the_answer_already_sent(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        var answers = new List<Task<JsonNode?>>();
        for (var i = 0; i < 20; i++)
        {
            var (id, answer) = client.StartRequest("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
            await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
            answers.Add(answer);
        }
        var cancelled = 0;
        foreach (var answer in answers)
        {
            try
            {
                Assert.NotNull(await answer.WaitAsync(TimeSpan.FromSeconds(30)));
            }
            catch (LspErrorException e)
            {
                Assert.Equal(-32800, e.Code);
                cancelled++;
            }
        }
        Assert.InRange(cancelled, 0, answers.Count);
        await AssertAliveAsync(client);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Documents_that_are_not_Dockerfiles_are_not_tracked()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        await client.InitializeAsync();
        await client.OpenAsync("file:///tmp/robustness/README.md", "# hello", languageId: "markdown");
        await client.OpenAsync("file:///tmp/robustness/api.Dockerfile", "FROM alpine", languageId: "plaintext");
        await client.OpenAsync("file:///tmp/robustness/Containerfile", "FROM alpine", languageId: "plaintext");
        await client.OpenAsync("file:///tmp/robustness/Dockerfile.prod", "FROM alpine", languageId: "plaintext");
        await client.WaitForDiagnosticsAsync("file:///tmp/robustness/api.Dockerfile");
        await client.WaitForDiagnosticsAsync("file:///tmp/robustness/Containerfile");
        await client.WaitForDiagnosticsAsync("file:///tmp/robustness/Dockerfile.prod");
        var error = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///tmp/robustness/README.md" } }));
        Assert.Equal(-32602, error.Code);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }
}
