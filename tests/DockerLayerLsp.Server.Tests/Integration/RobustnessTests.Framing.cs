using System.Text;
using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

/// <summary>
/// The base protocol from the wire up: raw bytes on the real process's stdin. After each bad frame the
/// server must answer the next valid request and still exit 0 after shutdown + exit.
/// </summary>
public sealed partial class RobustnessTests
{
    private static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    private static string DocumentTextRequest(int id)
        => new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = "dockerlayer/debug/documentText",
            ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } },
        }.ToJsonString();

    private static byte[] Framed(string body) => Ascii($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    private static async Task AssertServesAndExitsCleanlyAsync(LspClient client, string? logged = null)
    {
        await AssertAliveAsync(client);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Null(client.ProtocolViolation);
        if (logged is not null) Assert.Contains(logged, client.Stderr);
    }

    /// <summary>Each row: how a frame's headers are written around a body of N bytes.</summary>
    public static TheoryData<string, string> HeaderStyles => Cross(
        "lowercase name|content-length: {0}\r\n\r\n",
        "uppercase name|CONTENT-LENGTH: {0}\r\n\r\n",
        "Content-Type first|Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {0}\r\n\r\n",
        "unknown headers around it|X-Trace: 1\r\nContent-Length: {0}\r\nX-Other: y\r\n\r\n",
        "LF-only line ends|Content-Length: {0}\n\n",
        "no space, trailing blanks|Content-Length:{0}  \r\n\r\n",
        "blank lines between frames|\r\n\r\nContent-Length: {0}\r\n\r\n");

    [SkippableTheory]
    [MemberData(nameof(HeaderStyles))]
    public async Task Headers_in_any_case_with_other_headers_and_LF_line_ends_are_read(string kind, string style)
    {
        await using var client = await StartWithDocumentAsync(kind);
        var header = style.Split('|')[1];
        var answer = await client.RawRequestAsync(id =>
        {
            var body = DocumentTextRequest(id);
            return Ascii(string.Format(header, Encoding.UTF8.GetByteCount(body)) + body);
        });
        Assert.Equal(Text, (string?)answer!["text"]);
        await AssertServesAndExitsCleanlyAsync(client);
    }

    /// <summary>Each row: bytes that are not a frame, and a part of the log line they must cause.</summary>
    public static TheoryData<string, string> Unframed => Cross(
        "headers without Content-Length|Foo: bar\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}|a header without Content-Length",
        "garbage bytes|\u0001\u00ff garbage \u001b[31m\r\n|is not a header line",
        "garbage without a line end|xxxxxxxxxxxxxxxx|a header without Content-Length",
        "non-numeric Content-Length|Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}|is not a byte count",
        "negative Content-Length|Content-Length: -5\r\n\r\n{}|is not a byte count",
        "empty Content-Length|Content-Length: \r\n\r\n{}|is not a byte count",
        "overflowing Content-Length|Content-Length: 99999999999999999999\r\n\r\n{}|exceeds the",
        "two different Content-Lengths|Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}|two different Content-Length headers",
        "a header that never ends|" + new string('a', 20_000) + "|no end of the header within");

    [SkippableTheory]
    [MemberData(nameof(Unframed))]
    public async Task Unframed_bytes_are_logged_and_skipped_to_the_next_Content_Length_header(string kind, string row)
    {
        var (bytes, logged) = (row.Split('|')[1], row.Split('|')[2]);
        await using var client = await StartWithDocumentAsync(kind);
        await client.WriteRawAsync(Encoding.Latin1.GetBytes(bytes));
        await AssertServesAndExitsCleanlyAsync(client, logged);
        Assert.Contains("resynchronised on the next Content-Length header", client.Stderr);
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Unframed_bytes_and_the_next_frame_in_one_write_are_told_apart(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        var answer = await client.RawRequestAsync(id => [.. Ascii("Foo: bar\r\n\r\n{\"id\":1}junk\r\n"), .. Framed(DocumentTextRequest(id))]);
        Assert.Equal(Text, (string?)answer!["text"]);
        await AssertServesAndExitsCleanlyAsync(client, "a header without Content-Length");
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task A_Content_Length_longer_than_the_message_ends_it_at_the_next_header(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        const string change = $$$"""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"{{{Uri}}}","version":2},"contentChanges":[{"text":"FROM lying\n"}]}}""";
        await client.WriteRawAsync(Ascii($"Content-Length: {change.Length + 40}\r\n\r\n{change}"));
        var text = await client.RequestAsync("dockerlayer/debug/documentText", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        Assert.Equal("FROM lying\n", (string?)text!["text"]);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Contains("is longer than the message", client.Stderr);
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task A_Content_Length_shorter_than_the_message_drops_it_and_resynchronises(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        const string shutdown = """{"jsonrpc":"2.0","id":7,"method":"shutdown"}""";
        await client.WriteRawAsync(Ascii($"Content-Length: 20\r\n\r\n{shutdown}"));
        await AssertServesAndExitsCleanlyAsync(client, "the body is not JSON");
    }

    /// <summary>Each row: a well-framed body that is not a JSON-RPC message, and a part of the log line.</summary>
    public static TheoryData<string, string> BadBodies => Cross(
        "not JSON|not json at all|the body is not JSON",
        "JSON then more|{\"jsonrpc\":\"2.0\",\"method\":\"exit\"} trailing|the body is not JSON",
        "an array (a batch)|[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}]|a JSON-RPC batch",
        "a number|42|the body is not a JSON object",
        "empty|   |the body is empty",
        "a notification whose method is a number|{\"jsonrpc\":\"2.0\",\"method\":5}|\"method\" must be a string",
        "a notification of JSON-RPC 1.0|{\"jsonrpc\":\"1.0\",\"method\":\"exit\"}|\"jsonrpc\" must be \"2.0\"",
        "an id that is an object|{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"shutdown\"}|\"id\" must be",
        "neither request nor response, no id|{\"jsonrpc\":\"2.0\"}|neither a method nor a result");

    [SkippableTheory]
    [MemberData(nameof(BadBodies))]
    public async Task Bodies_that_are_not_JSON_RPC_messages_are_dropped_with_a_log_line(string kind, string row)
    {
        var (body, logged) = (row.Split('|')[1], row.Split('|')[2]);
        await using var client = await StartWithDocumentAsync(kind);
        await client.WriteFrameAsync(Ascii(body));
        await AssertServesAndExitsCleanlyAsync(client, logged);
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task A_body_that_is_not_UTF8_is_dropped_with_a_log_line(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        await client.WriteFrameAsync([.. Ascii("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shut"), 0xff, 0xfe, .. Ascii("down\"}")]);
        await AssertServesAndExitsCleanlyAsync(client, "the body is not UTF-8");
    }

    /// <summary>Each row: a request object (with its id) that JSON-RPC 2.0 calls invalid.</summary>
    public static TheoryData<string, string> InvalidRequests => Cross(
        "method is a number|{\"jsonrpc\":\"2.0\",\"id\":{0},\"method\":123456789}",
        "method is null|{\"jsonrpc\":\"2.0\",\"id\":{0},\"method\":null}",
        "no method and no result or error|{\"jsonrpc\":\"2.0\",\"id\":{0}}",
        "jsonrpc is 1.0|{\"jsonrpc\":\"1.0\",\"id\":{0},\"method\":\"shutdown\"}",
        "jsonrpc is missing|{\"id\":{0},\"method\":\"shutdown\"}",
        "params is a number|{\"jsonrpc\":\"2.0\",\"id\":{0},\"method\":\"textDocument/hover\",\"params\":5}",
        "params is a string|{\"jsonrpc\":\"2.0\",\"id\":{0},\"method\":\"textDocument/hover\",\"params\":\"x\"}");

    [SkippableTheory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_request_objects_with_an_id_are_answered_InvalidRequest(string kind, string row)
    {
        var template = row.Split('|')[1];
        await using var client = await StartWithDocumentAsync(kind);
        var error = await Assert.ThrowsAsync<LspErrorException>(() => client.RawRequestAsync(id => Framed(template.Replace("{0}", id.ToString()))));
        Assert.Equal(-32600, error.Code);
        await AssertServesAndExitsCleanlyAsync(client, "Invalid Request");
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task A_message_larger_than_the_pipe_buffers_arrives_whole(string kind)
    {
        await using var client = await StartWithDocumentAsync(kind);
        var big = "FROM alpine:3.20\n" + string.Concat(Enumerable.Repeat("RUN echo 'a line to make the document large'\n", 8_000));
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = big }),
        });
        await AssertAliveAsync(client, big);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    /// <summary>Every row for both server builds; rows are "name|data..." so test names show the case.</summary>
    private static TheoryData<string, string> Cross(params string[] rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { ServerBuilds.Dll, ServerBuilds.Aot }) foreach (var row in rows) data.Add(kind, row);
        return data;
    }
}
