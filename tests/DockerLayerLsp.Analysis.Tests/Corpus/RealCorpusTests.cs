using System.Text;
using DockerLayerLsp.Analysis.Rules.CacheOrder;
using DockerLayerLsp.Syntax;
using Xunit.Abstractions;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.Corpus;

/// <summary>
/// Accuracy on the 46 real, labelled Dockerfiles of ../shared/corpus/real: DLC001 must agree with the
/// labels on at least 95% of them, never report a file labelled false, and every fix it offers there
/// must keep the fix invariants. Skips (visibly) when the shared corpus is absent.
/// </summary>
public class RealCorpusTests(ITestOutputHelper output)
{
    private sealed record Outcome(CorpusCase Case, DocumentAnalysis Analysis)
    {
        public bool Reported => Analysis.Findings.Any(f => f.RuleId == DependencyInstallAfterBroadCopyRule.Rule.Id);
        public bool Agrees => Reported == Case.CacheBust;
    }

    private static List<Outcome> RunAll(out string corpus)
    {
        var directory = CorpusCase.CorpusDirectory();
        Skip.If(directory is null, "../shared/corpus/real is not present next to the repository");
        corpus = directory!;
        var outcomes = new List<Outcome>();
        foreach (var corpusCase in CorpusCase.Load(directory!))
        {
            var context = BuildContextModel.Load(corpusCase.Materialise(directory!));
            outcomes.Add(new Outcome(corpusCase, DockerfileAnalyzer.Analyze(SyntaxTree.Parse(corpusCase.Dockerfile), context)));
        }
        return outcomes;
    }

    [SkippableFact]
    public void Dlc001_agrees_with_the_labels()
    {
        var outcomes = RunAll(out _);
        var table = new StringBuilder();
        table.AppendLine("| case | label | reported | label lines (copy/install) | finding | reason |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var outcome in outcomes)
        {
            var finding = outcome.Analysis.Findings.FirstOrDefault(f => f.RuleId == "DLC001");
            var where = finding is null ? "-" : $"{Line(outcome.Analysis, finding.Span.Start)}/{(finding.Related.Length > 0 ? Line(outcome.Analysis, finding.Related[0].Span.Start) : 0)}";
            var lineMismatch = finding is not null && outcome.Case.CacheBust && outcome.Case.BroadCopyLine is { } copyLine && Line(outcome.Analysis, finding.Span.Start) != copyLine;
            if (outcome.Agrees && !lineMismatch) continue;
            var reason = outcome.Agrees ? "(agrees; other location)" : finding?.Message ?? outcome.Case.Notes;
            table.AppendLine($"| {outcome.Case.Name} | {outcome.Case.CacheBust}{(outcome.Case.Unsure ? " (unsure)" : "")} | {outcome.Reported} | {outcome.Case.BroadCopyLine}/{outcome.Case.InstallLine} | {where} | {reason.Replace('\n', ' ')} |");
        }
        var agreed = outcomes.Count(o => o.Agrees);
        output.WriteLine($"DLC001 agreement: {agreed}/{outcomes.Count} ({100.0 * agreed / outcomes.Count:F1}%)");
        output.WriteLine(table.ToString());
        foreach (var outcome in outcomes.Where(o => !o.Case.CacheBust))
        {
            foreach (var other in outcome.Analysis.Findings.Where(f => f.RuleId != "DLC001"))
                output.WriteLine($"note: {outcome.Case.Name}: {other.RuleId} line {Line(outcome.Analysis, other.Span.Start)}: {other.Message}");
        }

        Assert.True(agreed * 100 >= outcomes.Count * 95, $"agreement {agreed}/{outcomes.Count} is below 95%");
        Assert.Empty(outcomes.Where(o => !o.Case.CacheBust && o.Reported).Select(o => o.Case.Name));
    }

    [SkippableFact]
    public void Every_fix_on_the_corpus_keeps_the_fix_invariants()
    {
        var problems = new List<string>();
        foreach (var outcome in RunAll(out _))
        {
            problems.AddRange(Support.FixInvariants.Check(outcome.Analysis).Select(p => $"{outcome.Case.Name}: {p}"));
            foreach (var finding in outcome.Analysis.Findings)
                output.WriteLine($"{outcome.Case.Name}: {finding.RuleId}: {string.Join(" | ", finding.Fixes.Select(f => $"{f.Safety}: {f.Title}"))}");
        }
        foreach (var problem in problems) output.WriteLine(problem);
        Assert.Empty(problems);
    }

    private static int Line(DocumentAnalysis analysis, int offset) => analysis.Tree.Text.GetLinePosition(offset).Line + 1;
}
