using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>An install repeated after the source: a re-check is cheap, an install that starts over is the cache bust again.</summary>
public class Dlc001RepeatedInstallTests
{
    private static readonly string[] NodeFiles = ["package.json", "package-lock.json", "index.js"];

    [Theory]
    [InlineData("same stage", "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm ci && npm run build\n", "5:1", "6:1", "4:1")]
    [InlineData("install in a parent stage, source in a child", "FROM node:22 AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM deps AS build\nCOPY . .\nRUN npm ci && npm run build\n", "6:1", "7:1", "4:1")]
    [InlineData("source in the parent, repeat in the child", "FROM node:20 AS base\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\n\nFROM base AS deps\nRUN npm ci\n", "5:1", "8:1", "4:1")]
    public void An_install_that_starts_over_after_the_source_is_reported_on_the_copy_with_both_installs(string name, string dockerfile, string copy, string repeat, string first)
    {
        Assert.NotNull(name);
        var analysis = Analyze(dockerfile, NodeFiles);
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal("DLC001", finding.RuleId);
        Assert.Equal(copy, Where(analysis, finding.Span));
        Assert.Equal([repeat, first], finding.Related.Select(r => Where(analysis, r.Span)));
        Assert.Contains("again from nothing", finding.Message);
        Assert.Contains($"line {first.Split(':')[0]} already installed them", finding.Message);
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void Conda_env_create_repeated_after_the_source_is_reported()
    {
        var analysis = Analyze("FROM mambaorg/micromamba\nWORKDIR /app\nCOPY environment.yml .\nRUN micromamba env create -f environment.yml\nCOPY . .\nRUN micromamba env create -f environment.yml\n", "environment.yml", "app.py");
        Assert.Equal("5:1", Where(analysis, Assert.Single(analysis.Findings).Span));
    }

    [Theory]
    [InlineData("npm install re-checks after npm ci", "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm install && npm run build\n")]
    [InlineData("npm ci twice before the source", "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nRUN npm ci\nCOPY . .\nRUN npm run build\n")]
    [InlineData("only manifests between the installs", "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY package-lock.json ./\nRUN npm ci\nCOPY . .\n")]
    public void Stays_quiet_when_the_repeat_only_re_checks_or_no_source_comes_between(string name, string dockerfile)
    {
        Assert.NotNull(name);
        Assert.Empty(Analyze(dockerfile, NodeFiles).Findings);
    }

    [Fact]
    public void Pip_install_again_and_go_build_after_go_mod_download_stay_quiet()
    {
        Assert.Empty(Analyze("FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install -r requirements.txt\n", "requirements.txt", "app.py").Findings);
        Assert.Empty(Analyze("FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n", "go.mod", "go.sum", "main.go").Findings);
    }
}
