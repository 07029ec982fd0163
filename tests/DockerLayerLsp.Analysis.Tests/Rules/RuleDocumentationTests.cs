using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Rules;
using DockerLayerLsp.Analysis.Tests.Support;

namespace DockerLayerLsp.Analysis.Tests.Rules;

/// <summary>docs/rules/ID.md are generated from the rule descriptors; set DOCKERLAYER_UPDATE_DOCS=1 to rewrite them.</summary>
public class RuleDocumentationTests
{
    public static TheoryData<string> RuleIds => [.. RuleCatalog.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_matches_the_descriptor(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var expected = RuleDocumentationMarkdown.Render(rule);
        var path = Path.Combine(AnalysisHarness.RepoRoot(), "docs", "rules", id + ".md");
        if (Environment.GetEnvironmentVariable("DOCKERLAYER_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with DOCKERLAYER_UPDATE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
        Assert.EndsWith($"/docs/rules/{id}.md", rule.HelpUri);
    }

    [Fact]
    public void Every_rule_documents_every_section()
    {
        foreach (var rule in RuleCatalog.Descriptors)
        {
            var doc = rule.Documentation;
            Assert.All(new[] { doc.WhatItDoes, doc.WhyItMatters, doc.Example, doc.UseInstead, doc.FixSafety }, s => Assert.False(string.IsNullOrWhiteSpace(s)));
        }
        Assert.Equal(["DLC001", "DLC002", "DLC003"], RuleCatalog.Descriptors.Select(d => d.Id));
    }

    [Fact]
    public void Documented_examples_fire_and_their_replacements_are_quiet()
    {
        foreach (var rule in RuleCatalog.Descriptors)
        {
            var files = new[] { "go.mod", "go.sum", "main.go", "requirements.txt", "app.py" };
            Assert.Contains(AnalysisHarness.Analyze(rule.Documentation.Example, files).Findings, f => f.RuleId == rule.Id);
            Assert.DoesNotContain(AnalysisHarness.Analyze(rule.Documentation.UseInstead, files).Findings, f => f.RuleId == rule.Id);
        }
    }
}
