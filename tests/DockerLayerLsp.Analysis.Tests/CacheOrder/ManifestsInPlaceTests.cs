using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Tests.Support;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>DLC001's fix never copies a manifest again that an earlier COPY of the stage already puts at the same place.</summary>
public class ManifestsInPlaceTests
{
    private const string Head = "FROM node:22\nWORKDIR /app\n";
    private static readonly string[] Yarn = ["package.json", "yarn.lock", "src/index.js"];

    [Fact]
    public void Manifests_copied_first_are_not_copied_again_when_the_source_moves()
    {
        var analysis = Analyze(Head + "COPY package.json yarn.lock ./\nCOPY src ./src\nCOPY . .\nRUN yarn install --frozen-lockfile\nCMD [\"node\", \"src/index.js\"]\n", Yarn);
        var finding = Assert.Single(analysis.Findings);
        var fix = Assert.Single(finding.Fixes);
        Assert.Equal(FixSafety.Safe, fix.Safety);
        Assert.Equal("Move the source COPY after the dependency install", fix.Title);
        Assert.Equal(
            Head + "COPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY src ./src\nCOPY . .\nCMD [\"node\", \"src/index.js\"]\n",
            Fix(analysis));
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void Only_the_manifests_not_yet_in_place_are_copied()
    {
        var analysis = Analyze(Head + "COPY package.json ./\nCOPY . .\nRUN yarn install --frozen-lockfile\n", Yarn);
        Assert.Equal(Head + "COPY package.json ./\nCOPY yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY . .\n", Fix(analysis));
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void A_manifest_copied_elsewhere_is_still_copied_to_where_the_install_reads_it()
    {
        var analysis = Analyze(Head + "COPY package.json /tmp/\nCOPY . .\nRUN yarn install --frozen-lockfile\n", Yarn);
        Assert.Equal(Head + "COPY package.json /tmp/\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY . .\n", Fix(analysis));
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void Invariants_catch_a_fix_that_duplicates_a_copy()
    {
        var analysis = Analyze(Head + "COPY package.json yarn.lock ./\nCOPY src ./src\nCOPY . .\nRUN yarn install --frozen-lockfile\n", Yarn);
        var fix = analysis.Findings[0].Fixes[0];
        var duplicated = Head + "COPY package.json yarn.lock ./\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY src ./src\nCOPY . .\n";
        Assert.Contains(FixInvariants.CheckResult(analysis, fix, duplicated), p => p.Contains("COPY package.json yarn.lock ./` 2 times", StringComparison.Ordinal));
    }

    [Fact]
    public void Invariants_allow_identical_copies_the_original_already_had_and_copies_in_other_stages()
    {
        var text = "FROM node:22 AS a\nCOPY package.json ./\nCOPY . .\nRUN yarn install\nFROM node:22\nCOPY package.json ./\nCOPY package.json ./\n";
        var analysis = Analyze(text, Yarn);
        Assert.Empty(FixInvariants.Check(analysis));
    }
}
