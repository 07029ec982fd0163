using DockerLayerLsp.Analysis.Incremental;
using DockerLayerLsp.Syntax;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>Source that reaches the install from the stage it builds on, or through a bind mount of the whole context.</summary>
public class Dlc001StagesAndBindMountsTests
{
    private const string ParentCopies = "FROM node:20 AS base\nWORKDIR /app\nCOPY . .\n\nFROM base AS deps\nRUN npm ci\n";
    private static readonly string[] NodeFiles = ["package.json", "package-lock.json", "index.js"];

    [Fact]
    public void An_install_in_a_stage_built_on_one_that_copied_the_source_is_reported_on_that_copy_without_a_fix()
    {
        var analysis = Analyze(ParentCopies, NodeFiles);
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal("DLC001", finding.RuleId);
        Assert.Equal("3:1", Where(analysis, finding.Span));
        Assert.Equal("6:1", Where(analysis, Assert.Single(finding.Related).Span));
        Assert.Contains("in stage `deps`, built FROM `base`", finding.Message);
        Assert.Contains("package.json, package-lock.json", finding.Message);
        Assert.Contains("No fix is offered", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    private const string TwoChildren = "FROM node:20 AS base\nWORKDIR /app\nCOPY . .\n\nFROM base AS web\nRUN npm ci\n\nFROM base AS api\nRUN pip install -r requirements.txt\n";

    [Fact]
    public void Installs_in_two_stages_built_on_one_source_copy_are_one_finding_naming_both()
    {
        var analysis = Analyze(TwoChildren, [.. NodeFiles, "requirements.txt"]);
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal("3:1", Where(analysis, finding.Span));
        Assert.Equal(["6:1", "9:1"], finding.Related.Select(r => Where(analysis, r.Span)));
        Assert.Contains("in stage `web`, built FROM `base`", finding.Message);
        Assert.Contains("also reaches: `pip install -r requirements.txt` (line 9) in stage `api`", finding.Message);
        Assert.Empty(finding.Fixes);
        var incremental = new IncrementalAnalyzer().Analyze(analysis.Tree, analysis.BuildContext);
        Assert.True(FindingValues.SequenceEqual(analysis.Findings, incremental.Findings), string.Join('\n', incremental.Findings));
    }

    [Fact]
    public void Two_installs_after_one_copy_in_the_same_stage_keep_their_own_findings_and_fixes()
    {
        var analysis = Analyze("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN pip install -r requirements.txt\n", [.. NodeFiles, "requirements.txt"]);
        Assert.Equal(2, analysis.Findings.Length);
        Assert.All(analysis.Findings, f => Assert.NotEmpty(f.Fixes));
    }

    [Fact]
    public void The_stage_chain_is_followed_through_an_intermediate_stage()
    {
        var analysis = Analyze("FROM node:20 AS base\nWORKDIR /app\nCOPY . .\nFROM base AS mid\nENV CI=1\nFROM mid AS deps\nRUN npm ci\n", NodeFiles);
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal("3:1", Where(analysis, finding.Span));
        Assert.Contains("in stage `deps`, built FROM `mid`", finding.Message);
    }

    [Theory]
    [InlineData("manifests first in the parent, re-checked in the child", "FROM node:20 AS base\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n\nFROM base AS deps\nRUN npm install\n")]
    [InlineData("only manifests in the parent", "FROM node:20 AS base\nWORKDIR /app\nCOPY package.json package-lock.json ./\n\nFROM base AS deps\nRUN npm ci\nCOPY . .\n")]
    [InlineData("a stage built on another image", "FROM node:20 AS base\nWORKDIR /app\nCOPY . .\n\nFROM node:20 AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n")]
    public void Stays_quiet_when_no_source_reaches_the_install(string name, string dockerfile)
    {
        Assert.NotNull(name);
        Assert.Empty(Analyze(dockerfile, NodeFiles).Findings);
    }

    [Fact]
    public void The_incremental_analyzer_reports_the_cross_stage_finding_and_moves_it_with_edits_between_the_stages()
    {
        var text = "FROM node:20 AS base\nWORKDIR /app\nCOPY . .\nFROM alpine AS other\nRUN echo hi\nRUN echo a\nRUN echo b\nFROM base AS deps\nRUN npm ci\n";
        var context = BuildContextModel.FromFiles("/ctx", [.. NodeFiles, "Dockerfile"]);
        var analyzer = new IncrementalAnalyzer();
        var tree = SyntaxTree.Parse(text);
        AssertSame(analyzer.Analyze(tree, context));
        // An edit inside the unrelated stage, on the same line: `deps` moves but its base stage does not.
        var at = text.IndexOf("hi", StringComparison.Ordinal);
        tree = tree.WithChanges(new TextChange(new TextSpan(at, 0), "there "));
        AssertSame(analyzer.Analyze(tree, context));
        tree = tree.WithChanges(new TextChange(new TextSpan(at, 6), ""));
        AssertSame(analyzer.Analyze(tree, context));

        static void AssertSame(IncrementalAnalysis analysis)
        {
            var full = DockerfileAnalyzer.Analyze(analysis.Tree, analysis.BuildContext);
            Assert.Single(full.Findings);
            Assert.True(FindingValues.SequenceEqual(full.Findings, analysis.Findings), $"full: {string.Join('\n', full.Findings)}\nincremental: {string.Join('\n', analysis.Findings)}");
        }
    }

    [Theory]
    [InlineData("RUN --mount=type=bind,target=. go build -o /bin/server .")]
    [InlineData("RUN --mount=type=bind,source=.,target=/src go build -o /bin/server .")]
    [InlineData("RUN --mount=type=bind,target=/src --mount=type=cache,target=/go/pkg/mod go build -o /bin/server .")]
    public void A_build_from_a_bind_mount_of_the_whole_context_is_reported_with_the_dependency_step_to_add(string run)
    {
        var analysis = Analyze($"FROM golang:1.23\nWORKDIR /src\n{run}\n", "go.mod", "go.sum", "main.go");
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal("3:1", Where(analysis, finding.Span));
        Assert.Contains("bind-mounts the whole build context", finding.Message);
        Assert.Contains("`RUN --mount=type=bind,source=go.mod,target=go.mod --mount=type=bind,source=go.sum,target=go.sum go mod download`", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Theory]
    [InlineData("RUN --mount=type=bind,source=.,target=/src npm ci", "(--mount=type=bind,source=package.json,target=package.json --mount=type=bind,source=package-lock.json,target=package-lock.json)")]
    [InlineData("RUN --mount=type=bind,target=/src npm ci", "(--mount=type=bind,source=package.json,target=package.json --mount=type=bind,source=package-lock.json,target=package-lock.json)")]
    // The context root is above the project folder: the mounts' paths are not simply the manifests' names.
    [InlineData("RUN --mount=type=bind,target=/ npm ci", "(--mount=type=bind,source=<manifest>,target=<manifest>)")]
    public void A_dependency_only_install_from_a_bind_mount_of_the_whole_context_is_reported(string run, string mounts)
    {
        var analysis = Analyze($"FROM node:20\nWORKDIR /src\n{run}\n", NodeFiles);
        var finding = Assert.Single(analysis.Findings);
        Assert.Contains("bind-mounts the whole build context", finding.Message);
        Assert.Contains(mounts, finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Theory]
    [InlineData("manifests bind-mounted for the download", "FROM golang:1.23\nWORKDIR /src\nRUN --mount=type=bind,source=go.mod,target=go.mod --mount=type=bind,source=go.sum,target=go.sum go mod download\nRUN --mount=type=bind,target=. go build -o /bin/server .\n")]
    [InlineData("manifests copied for the download", "FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nRUN --mount=type=bind,target=. go build -o /bin/server .\n")]
    [InlineData("the mount is not where the install runs", "FROM golang:1.23\nWORKDIR /app\nCOPY go.mod go.sum ./\nRUN go mod download\nRUN --mount=type=bind,target=/ctx cp /ctx/config.yaml /etc/\n")]
    [InlineData("npm with manifests bind-mounted", "FROM node:20\nWORKDIR /src\nRUN --mount=type=bind,source=package.json,target=package.json --mount=type=bind,source=package-lock.json,target=package-lock.json npm ci\n")]
    [InlineData("a bind mount of the context elsewhere", "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=bind,target=/ctx npm ci\n")]
    public void Bind_mounts_stay_quiet_when_the_dependencies_come_from_the_manifests(string name, string dockerfile)
    {
        Assert.NotNull(name);
        Assert.Empty(Analyze(dockerfile, "go.mod", "go.sum", "main.go", "package.json", "package-lock.json").Findings);
    }
}
