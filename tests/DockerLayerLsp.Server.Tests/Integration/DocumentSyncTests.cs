using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

/// <summary>
/// Incremental didChange keeps the server's text identical to the client's: after every edit the
/// server's copy (dockerlayer/debug/documentText) is compared with the client's, and at the end with
/// a full re-sync of the same text.
/// </summary>
public sealed class DocumentSyncTests
{
    private const string Dockerfile =
        "# syntax=docker/dockerfile:1\r\n" +
        "FROM node:22 AS build\n" +
        "RUN apt-get update && \\\n" +
        "    apt-get install -y \\\n" +
        "      curl \\\n" +
        "      git\n" +
        "COPY <<EOF /etc/motd\n" +
        "Hello from ☃ and 🐳\n" +
        "second line\n" +
        "EOF\n" +
        "RUN <<-SCRIPT bash\n" +
        "\techo héllo\n" +
        "\tSCRIPT\n";

    public static TheoryData<string, bool> Cases() => new()
    {
        { ServerBuilds.Dll, false }, { ServerBuilds.Dll, true }, { ServerBuilds.Aot, false }, { ServerBuilds.Aot, true },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Incremental_edits_in_continuations_and_heredocs_keep_texts_identical(string kind, bool utf8)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        var init = await client.InitializeAsync(capabilities: LspClient.DefaultCapabilities(positionEncodings: utf8 ? ["utf-8", "utf-16"] : null));
        Assert.Equal(utf8 ? "utf-8" : "utf-16", (string?)init["capabilities"]!["positionEncoding"]);
        var document = new ClientDocument($"file:///tmp/sync-{kind}-{utf8}/Dockerfile", Dockerfile, utf8);
        await client.OpenAsync(document.Uri, document.Text);

        var random = new Random(1234);
        // Each edit is located in the text as it is when the edit is made.
        var edits = new List<Func<(int Start, int End, string Text)>>
        {
            () => At(document, "      curl", 6, 6, "wget \\\n      "),        // new continuation line in the middle
            () => At(document, "apt-get install", 8, 15, "remove"),           // replace inside a continued RUN
            () => At(document, "☃", 0, 1, "❄"),                                // non-ASCII inside a heredoc body
            () => At(document, "🐳", 0, 2, "🐋🐋"),                              // surrogate pairs
            () => At(document, "second line\n", 0, 0, "inserted\r\nline\n"),   // mixed line breaks in a heredoc
            () => At(document, "\techo", 1, 5, "printf"),                       // inside a <<- heredoc
            () => At(document, "git\n", 3, 4, ""),                              // join lines: remove a line break
            () => At(document, "FROM", 0, 0, "ARG BASE=node\n"),                 // before everything
        };
        foreach (var edit in edits)
        {
            var (start, end, text) = edit();
            await client.NotifyAsync("textDocument/didChange", document.Change(start, end, text));
            await AssertServerTextAsync(client, document);
        }
        for (var i = 0; i < 40; i++)
        {
            var start = random.Next(document.Text.Length + 1);
            var end = Math.Min(document.Text.Length, start + random.Next(6));
            if (start > 0 && char.IsLowSurrogate(document.Text[start])) start--;
            if (end < document.Text.Length && end > 0 && char.IsLowSurrogate(document.Text[end])) end++;
            if (start > 0 && start < document.Text.Length && document.Text[start - 1] == '\r' && document.Text[start] == '\n') start--;
            if (end > 0 && end < document.Text.Length && document.Text[end - 1] == '\r' && document.Text[end] == '\n') end++;
            var insert = new[] { "", "x", "\\\n", "\n", "é", "🐳", "<<EOF\n", "EOF\n", " && \\\n  " }[random.Next(9)];
            await client.NotifyAsync("textDocument/didChange", document.Change(start, end, insert));
        }
        await AssertServerTextAsync(client, document);

        // A full re-sync of the same text gives the same server text.
        var incremental = await ServerTextAsync(client, document.Uri);
        await client.NotifyAsync("textDocument/didChange", document.ReplaceAll(document.Text));
        Assert.Equal(incremental, await ServerTextAsync(client, document.Uri));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Several_changes_in_one_notification_apply_in_order()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        await client.InitializeAsync();
        const string uri = "file:///tmp/sync-multi/Dockerfile";
        await client.OpenAsync(uri, "FROM a\nRUN b\n");
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(
                Change(1, 4, 1, 5, "c && d"),          // RUN c && d
                Change(1, 4, 1, 4, "x "),              // RUN x c && d (coordinates of the previous result)
                new JsonObject { ["text"] = "FROM z\n" },  // then a full replacement
                Change(0, 6, 0, 6, " AS s")),           // FROM z AS s
        });
        Assert.Equal("FROM z AS s\n", await ServerTextAsync(client, uri));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task A_burst_of_edits_publishes_the_newest_version_and_never_goes_back(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync();
        var document = new ClientDocument("file:///tmp/sync-burst/Dockerfile", "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go mod download\n");
        await client.OpenAsync(document.Uri, document.Text);
        for (var i = 0; i < 50; i++)
        {
            var end = document.Text.IndexOf("\nRUN", StringComparison.Ordinal);
            await client.NotifyAsync("textDocument/didChange", document.Change(end, end, i % 10 == 9 ? "\n# edit" : "x"));
        }
        await client.WaitForDiagnosticsAsync(document.Uri, version: document.Version);
        var versions = client.Notifications("textDocument/publishDiagnostics").Select(n => (int)n["params"]!["version"]!).ToList();
        Assert.Equal(versions.Order(), versions);           // never an older version after a newer one
        Assert.Equal(document.Version, versions[^1]);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    private static JsonObject Change(int l1, int c1, int l2, int c2, string text) => new()
    {
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = l1, ["character"] = c1 },
            ["end"] = new JsonObject { ["line"] = l2, ["character"] = c2 },
        },
        ["text"] = text,
    };

    private static (int, int, string) At(ClientDocument document, string anchor, int from, int to, string text)
    {
        var index = document.Text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(index >= 0, $"anchor {anchor} missing");
        return (index + from, index + to, text);
    }

    private static async Task AssertServerTextAsync(LspClient client, ClientDocument document)
    {
        var result = await client.RequestAsync("dockerlayer/debug/documentText", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = document.Uri } });
        Assert.Equal(document.Version, (int)result!["version"]!);
        Assert.Equal(document.Text, (string?)result["text"]);
    }

    private static async Task<string?> ServerTextAsync(LspClient client, string uri)
        => (string?)(await client.RequestAsync("dockerlayer/debug/documentText", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!["text"];
}
