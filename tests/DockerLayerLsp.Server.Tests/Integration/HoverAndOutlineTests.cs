using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

public sealed class HoverAndOutlineTests
{
    /// <summary>Every instruction kind, a multi-stage build, heredocs, continuations and comment blocks.</summary>
    private const string Dockerfile =
        "# syntax=docker/dockerfile:1\n" +
        "ARG GO_VERSION=1.23\n" +
        "# Build stage:\n" +
        "# compiles the binary\n" +
        "FROM golang:${GO_VERSION} AS build\n" +
        "LABEL org.opencontainers.image.source=example\n" +
        "MAINTAINER someone@example.com\n" +
        "ENV CGO_ENABLED=0\n" +
        "WORKDIR /src\n" +
        "ADD https://example.com/file.txt /tmp/file.txt\n" +
        "COPY go.mod go.sum ./\n" +
        "RUN go mod download \\\n" +
        "    && go mod verify\n" +
        "COPY . .\n" +
        "RUN <<EOF\n" +
        "go build -o /out/app ./cmd/app\n" +
        "EOF\n" +
        "ONBUILD RUN echo child\n" +
        "\n" +
        "FROM alpine:3.20\n" +
        "COPY --from=build /out/app /app\n" +
        "USER nobody\n" +
        "EXPOSE 8080\n" +
        "VOLUME /data\n" +
        "STOPSIGNAL SIGTERM\n" +
        "HEALTHCHECK CMD wget -q -O- http://localhost:8080/health || exit 1\n" +
        "SHELL [\"/bin/sh\", \"-c\"]\n" +
        "ENTRYPOINT [\"/app\"]\n" +
        "CMD [\"--help\"]\n";

    private const string Uri = "file:///tmp/hover-outline/Dockerfile";

    public static TheoryData<string, string> InstructionKeywords()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { ServerBuilds.Dll, ServerBuilds.Aot })
        {
            foreach (var keyword in new[] { "ARG", "FROM", "LABEL", "MAINTAINER", "ENV", "WORKDIR", "ADD", "COPY", "RUN", "ONBUILD", "USER", "EXPOSE", "VOLUME", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "ENTRYPOINT", "CMD" })
            {
                data.Add(kind, keyword);
            }
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(InstructionKeywords))]
    public async Task Hover_on_each_instruction_keyword_explains_it_in_markdown(string kind, string keyword)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync();
        var document = new ClientDocument(Uri, Dockerfile);
        await client.OpenAsync(Uri, Dockerfile);

        var position = document.PositionOf("\n" + keyword + " ", 2);
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["position"] = position });
        Assert.NotNull(hover);
        Assert.Equal("markdown", (string?)hover!["contents"]!["kind"]);
        var markdown = (string)hover["contents"]!["value"]!;
        Assert.Contains(keyword, markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(position["line"]!.GetValue<int>(), (int)hover["range"]!["start"]!["line"]!);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Hover_in_plaintext_for_clients_without_markdown()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        var capabilities = LspClient.DefaultCapabilities();
        capabilities["textDocument"]!["hover"]!["contentFormat"] = new JsonArray("plaintext");
        await client.InitializeAsync(capabilities: capabilities);
        await client.OpenAsync(Uri, Dockerfile);
        var hover = await client.RequestAsync("textDocument/hover", LifecycleTests.Hover(Uri, 4, 1));
        Assert.Equal("plaintext", (string?)hover!["contents"]!["kind"]);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Document_symbols_are_stages_with_their_instructions(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync();
        await client.OpenAsync(Uri, Dockerfile);
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } }))!.AsArray();

        Assert.Equal(["ARG GO_VERSION=1.23", "build (golang:${GO_VERSION})", "stage 1 (alpine:3.20)"], symbols.Select(s => (string)s!["name"]!));
        var build = symbols[1]!;
        Assert.Equal(5, (int)build["kind"]!); // Class
        Assert.Equal(4, (int)build["range"]!["start"]!["line"]!);
        Assert.Equal(17, (int)build["range"]!["end"]!["line"]!);
        var children = build["children"]!.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.Equal(10, children.Count);
        Assert.Contains("RUN go mod download && go mod verify", children);
        Assert.Contains("RUN <<EOF", children);
        Assert.Contains("ENV CGO_ENABLED=0", children);
        Assert.Equal(13, (int)symbols[0]!["kind"]!); // Variable
        Assert.Equal(9, symbols[2]!["children"]!.AsArray().Count);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Folding_ranges_cover_stages_continuations_heredocs_and_comment_blocks(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync();
        await client.OpenAsync(Uri, Dockerfile);
        var ranges = (await client.RequestAsync("textDocument/foldingRange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } }))!.AsArray()
            .Select(r => ((int)r!["startLine"]!, (int)r["endLine"]!, (string?)r["kind"])).ToList();

        Assert.Contains((2, 3, "comment"), ranges);     // the two-line comment block
        Assert.Contains((4, 17, "region"), ranges);     // stage "build"
        Assert.Contains((19, 28, "region"), ranges);    // the final stage
        Assert.Contains((11, 12, null), ranges);        // RUN continued over two lines
        Assert.Contains((14, 16, null), ranges);        // RUN <<EOF heredoc
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }
}
