using DockerLayerLsp.Analysis.Hover;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.Hover;

public class HoverProviderTests
{
    private const string Dockerfile = """
        ARG GO_VERSION=1.23
        FROM golang:${GO_VERSION} AS build
        WORKDIR /src
        ENV CGO_ENABLED=0
        COPY . .
        RUN go mod download
        RUN go build -o /bin/app ./cmd/app

        FROM scratch
        COPY --from=build /bin/app /bin/app
        """;

    private static string HoverAt(string needle, int delta = 0, params string[] files)
    {
        var analysis = Analyze(Dockerfile, files.Length > 0 ? files : ["go.mod", "go.sum", "cmd/app/main.go", "README.md"]);
        var offset = Dockerfile.IndexOf(needle, StringComparison.Ordinal) + delta;
        return HoverProvider.GetHover(analysis, offset)?.Markdown ?? "";
    }

    [Fact]
    public void Run_hover_explains_layer_cache_key_what_busts_it_and_what_it_invalidates()
    {
        var hover = HoverAt("RUN go build", 6);
        Assert.Contains("**Layer 3** of stage **build**, step 5 after `FROM`.", hover);
        Assert.Contains("`go build -o /bin/app ./cmd/app`", hover);
        Assert.Contains("re-runs whenever a file copied at line 5", hover);
        Assert.Contains("stages built from it: stage 1 (COPY --from)", hover);
    }

    [Fact]
    public void Copy_hover_lists_the_context_files_after_dockerignore()
    {
        var analysis = AnalyzeWithIgnore(Dockerfile, "*.md\n", "go.mod", "go.sum", "cmd/app/main.go", "README.md");
        var hover = HoverProvider.GetHover(analysis, Dockerfile.IndexOf("COPY . .", StringComparison.Ordinal) + 6)!.Markdown;
        Assert.Contains("**4 files**", hover); // go.mod, go.sum, main.go and the Dockerfile itself; README.md is ignored
        Assert.Contains("`go.mod`", hover);
        Assert.DoesNotContain("README.md", hover);
        // On a finding: the finding and the cache key only, no keyword docs or layer position (one screen at most).
        Assert.StartsWith("**DLC001: ", hover);
        Assert.DoesNotContain("**COPY**", hover);
        Assert.DoesNotContain("later steps", hover);
    }

    [Fact]
    public void Finding_hover_says_why_it_costs_time_and_what_the_fix_does()
    {
        var hover = HoverAt("COPY . .", 2);
        Assert.Contains("DLC001", hover);
        Assert.Contains("downloads and builds every dependency again", hover);
        Assert.Contains("*Fix*: Copy go.mod, go.sum first", hover);
        Assert.True(hover.IndexOf("*Fix*", StringComparison.Ordinal) < hover.IndexOf("downloads and builds", StringComparison.Ordinal), "the fix comes before the explanation");
        Assert.DoesNotContain("brings in more than the dependency manifests", hover); // the diagnostic's message, shown by the editor already
    }

    [Fact]
    public void From_hover_puts_what_a_change_invalidates_in_its_own_paragraph()
    {
        var hover = HoverAt("golang:", 2);
        Assert.Contains("from `golang:1.23`.\n\n**A change invalidates**", hover);
    }

    [Fact]
    public void Keyword_hover_has_instruction_docs()
        => Assert.Contains("**WORKDIR** sets the working directory", HoverAt("WORKDIR", 2));

    [Fact]
    public void Variable_hover_gives_value_and_where_it_is_set()
        => Assert.Contains("**GO_VERSION** = `1.23` — set by ARG on line 1", HoverAt("${GO_VERSION}", 4));
}
