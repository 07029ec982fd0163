using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.BuildContextSources;

public class Dlc003Tests
{
    private static readonly string[] NodeContext = ["package.json", "package-lock.json", "src/index.js", "src/lib/util.js"];

    private static List<string> Reported(DocumentAnalysis analysis)
        => [.. analysis.Findings.Where(f => f.RuleId == "DLC003").Select(f => analysis.Tree.Text.ToString(f.Span))];

    [Fact]
    public void A_missing_source_is_reported_on_that_source_with_how_to_point_at_the_real_context()
    {
        var analysis = Analyze("FROM node:22\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN npm ci\n", NodeContext);
        Assert.Equal(["yarn.lock"], Reported(analysis));
        var finding = analysis.Findings.Single(f => f.RuleId == "DLC003");
        Assert.Contains("`yarn.lock` is not in the build context (/ctx)", finding.Message);
        Assert.Contains("--context", finding.Message);
        Assert.Equal(DockerLayerLsp.Analysis.Findings.FindingSeverity.Information, finding.Severity);
        Assert.Equal("3:19", Where(analysis, finding.Span));
    }

    [Fact]
    public void A_source_left_out_by_dockerignore_is_reported_as_excluded()
    {
        var analysis = AnalyzeOnDisk("FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n",
            [.. NodeContext, ".dockerignore => package-lock.json\n"]);
        var finding = Assert.Single(analysis.Findings, f => f.RuleId == "DLC003");
        Assert.Equal("package-lock.json", analysis.Tree.Text.ToString(finding.Span));
        Assert.Contains("is excluded by .dockerignore", finding.Message);
        Assert.Equal(DockerLayerLsp.Analysis.Findings.FindingSeverity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("COPY . .")]
    [InlineData("COPY ./ /app/")]
    [InlineData("COPY src ./src")]
    [InlineData("COPY src/lib/ ./lib/")]
    [InlineData("COPY package*.json ./")]
    [InlineData("COPY src/*.js ./")]
    [InlineData("COPY --from=build /out /out")]
    [InlineData("COPY --from=node:22 /usr/local/bin/node /usr/local/bin/")]
    [InlineData("COPY ${APP_DIR} ./")]
    [InlineData("COPY $LOCKFILE ./")]
    [InlineData("ADD https://example.com/tool.tar.gz /opt/")]
    [InlineData("COPY <<EOF /app/config.ini\n[main]\nEOF")]
    [InlineData("COPY --parents src/**/*.js ./")]
    public void Sources_that_exist_or_cannot_be_judged_are_quiet(string copy)
        => Assert.Empty(Reported(Analyze($"FROM node:22 AS build\nWORKDIR /app\n{copy}\n", NodeContext)));

    [Theory]
    [InlineData("COPY lib ./lib", "lib")]
    [InlineData("COPY *.lock ./", "*.lock")]
    [InlineData("COPY src/*.ts ./", "src/*.ts")]
    public void Missing_folders_and_globs_that_match_nothing_are_reported(string copy, string source)
        => Assert.Equal([source], Reported(Analyze($"FROM node:22\nWORKDIR /app\n{copy}\n", NodeContext)));

    [Fact]
    public void An_empty_folder_on_disk_is_sent_and_is_quiet()
    {
        var root = Directory.CreateTempSubdirectory("dockerlayer-dlc003-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.WriteAllText(Path.Combine(root, "src", "index.js"), "");
        var analysis = DockerfileAnalyzer.Analyze("FROM node:22\nWORKDIR /app\nCOPY assets ./assets\nCOPY src ./src\nCOPY missing ./missing\n",
            DockerLayerLsp.Analysis.BuildContext.BuildContext.Load(root));
        Assert.Equal(["missing"], Reported(analysis));
    }

    [Fact]
    public void A_context_of_only_Dockerfiles_gets_one_finding_for_the_whole_file_in_both_analyzers()
    {
        const string text = "FROM node:22 AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n\nFROM node:22\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY src ./src\n";
        var analysis = Analyze(text, "Dockerfile.dev", ".dockerignore");
        var finding = Assert.Single(analysis.Findings, f => f.RuleId == "DLC003");
        Assert.Equal("package.json", analysis.Tree.Text.ToString(finding.Span));
        Assert.Contains("holds nothing but Dockerfiles", finding.Message);

        var incremental = new DockerLayerLsp.Analysis.Incremental.IncrementalAnalyzer()
            .Analyze(analysis.Tree, DockerLayerLsp.Analysis.BuildContext.BuildContext.FromFiles("/ctx", ["Dockerfile", "Dockerfile.dev", ".dockerignore"]));
        Assert.Equal(finding.Span, Assert.Single(incremental.Findings, f => f.RuleId == "DLC003").Span);
    }

    [Fact]
    public void Nothing_is_reported_without_a_build_context()
        => Assert.Empty(DockerfileAnalyzer.Analyze(DockerLayerLsp.Syntax.SyntaxTree.Parse("FROM node:22\nCOPY nothing.txt ./\n"), null).Findings);
}
