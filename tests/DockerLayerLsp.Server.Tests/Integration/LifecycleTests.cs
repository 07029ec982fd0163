using System.Text;
using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

public sealed class LifecycleTests
{
    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Initialize_advertises_capabilities_and_shutdown_then_exit_returns_0(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        var result = await client.InitializeAsync();
        var capabilities = result["capabilities"]!;
        Assert.Equal("utf-16", (string?)capabilities["positionEncoding"]);
        Assert.Equal(2, (int)capabilities["textDocumentSync"]!["change"]!);
        Assert.True((bool)capabilities["textDocumentSync"]!["openClose"]!);
        Assert.True((bool)capabilities["hoverProvider"]!);
        Assert.True((bool)capabilities["documentSymbolProvider"]!);
        Assert.True((bool)capabilities["foldingRangeProvider"]!);
        Assert.True((bool)capabilities["codeActionProvider"]!["resolveProvider"]!);
        Assert.Contains("source.fixAll.dockerlayer", capabilities["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => (string?)k));
        Assert.Equal("dockerlayer", (string?)capabilities["diagnosticProvider"]!["identifier"]);
        Assert.Equal("dockerlayer", (string?)result["serverInfo"]!["name"]);
        // Optional fields are absent, never null.
        Assert.DoesNotContain("null", client.Transcript.First(e => !e.FromClient).Json);

        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Null(client.ProtocolViolation);
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Exit_without_shutdown_returns_1(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Closing_stdin_without_exit_ends_the_server_with_1(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync();
        Assert.Equal(1, await client.HangUpAsync());
    }

    [Fact]
    public async Task Requests_before_initialize_fail_with_ServerNotInitialized()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        var error = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/hover", Hover("file:///x/Dockerfile", 0, 0)));
        Assert.Equal(-32002, error.Code);
        // initialize still works afterwards.
        await client.InitializeAsync();
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Requests_after_shutdown_are_refused_and_a_second_initialize_is_invalid()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        await client.InitializeAsync();
        var again = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() }));
        Assert.Equal(-32600, again.Code);
        await client.RequestAsync("shutdown", null);
        var refused = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/hover", Hover("file:///x/Dockerfile", 0, 0)));
        Assert.Equal(-32600, refused.Code);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Theory]
    [InlineData(new[] { "utf-8", "utf-16" }, "utf-8")]
    [InlineData(new[] { "utf-16", "utf-8" }, "utf-8")]
    [InlineData(new[] { "utf-32" }, "utf-16")]
    [InlineData(new string[0], "utf-16")]
    public async Task Position_encoding_is_utf8_when_offered_else_utf16(string[] offered, string expected)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        var result = await client.InitializeAsync(capabilities: LspClient.DefaultCapabilities(positionEncodings: offered));
        Assert.Equal(expected, (string?)result["capabilities"]!["positionEncoding"]);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task SetTrace_verbose_sends_logTrace_and_logs_go_to_stderr_not_stdout()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        await client.InitializeAsync();
        await client.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "verbose" });
        await client.OpenAsync("file:///tmp/trace/Dockerfile", "FROM alpine\n");
        await client.WaitForNotificationAsync(n => (string?)n["method"] == "$/logTrace" && ((string?)n["params"]!["message"])!.Contains("textDocument/didOpen"));
        await client.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "off" });
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Contains("textDocument/didOpen", client.Stderr);
        Assert.Null(client.ProtocolViolation);
    }

    [Fact]
    public async Task Warnings_reach_the_client_as_window_logMessage()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        await client.InitializeAsync();
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///never/opened/Dockerfile", ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "FROM alpine" }),
        });
        var log = await client.WaitForNotificationAsync(n => (string?)n["method"] == "window/logMessage" && ((string?)n["params"]!["message"])!.Contains("not open"));
        Assert.Equal(2, (int)log["params"]!["type"]!);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    internal static JsonObject Hover(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };
}
