using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Tests.Support;

/// <summary>
/// What every fix must guarantee, checked on any analysis: the fixed file parses with no new errors,
/// keeps every instruction it does not change character for character — and as an instruction of its own in
/// BuildKit's dump, not as text swallowed by a continuation —, adds COPYs only of files in the build context and never one identical to a COPY
/// already in its stage,
/// does not make an install that starts over (npm ci) run more often, and re-checks clean. Returns the
/// violations (empty when all hold).
/// </summary>
internal static class FixInvariants
{
    public static IReadOnlyList<string> Check(DocumentAnalysis analysis)
    {
        var problems = new List<string>();
        var original = analysis.Tree.Text.ToString();
        foreach (var finding in analysis.Findings)
        {
            foreach (var fix in finding.Fixes)
            {
                string fixedText;
                try { fixedText = TextEdits.Apply(original, fix.Edits); }
                catch (ArgumentException e) { problems.Add($"{fix.Title}: {e.Message}"); continue; }
                problems.AddRange(CheckOne(analysis, fix, fixedText).Select(p => $"{finding.RuleId} fix '{fix.Title}': {p}"));
            }
        }
        var all = FixAll.Apply(analysis, includeUnsafe: true);
        var after = DockerfileAnalyzer.Analyze(SyntaxTree.Parse(all.Text), analysis.BuildContext);
        foreach (var left in after.Findings.Where(f => f.Fixes.Length > 0 || !analysis.Findings.Any(o => o.RuleId == f.RuleId && o.Fixes.Length == 0)))
            problems.Add($"after fix-all, still reported: {left.RuleId} {left.Message}");
        return problems;
    }

    /// <summary>The per-fix invariants for a given result text, so tests can show they catch a known-bad result.</summary>
    public static IReadOnlyList<string> CheckResult(DocumentAnalysis analysis, CodeFix fix, string fixedText) => [.. CheckOne(analysis, fix, fixedText)];

    private static IEnumerable<string> CheckOne(DocumentAnalysis analysis, CodeFix fix, string fixedText)
    {
        var tree = SyntaxTree.Parse(fixedText);
        var before = analysis.Tree.Diagnostics.Select(d => d.ToString()).Count();
        if (tree.Diagnostics.Count > before)
            yield return "new parse errors: " + string.Join("; ", tree.Diagnostics.Select(d => d.ToString()));

        foreach (var instruction in analysis.Tree.Root.Instructions)
        {
            var text = instruction.ToString();
            if (fixedText.Contains(text, StringComparison.Ordinal)) continue;
            if (fix.Safety == FixSafety.Unsafe && instruction.Kind == InstructionKind.Run) continue;
            yield return $"instruction on line {instruction.StartLine + 1} was changed: {text}";
        }

        // Text containment alone passes when a split RUN's dangling escape swallows the next line: compare what BuildKit sees.
        var dumped = Dump(tree);
        foreach (var (line, count) in Dump(analysis.Tree).Where(l => fix.Safety == FixSafety.Safe || !l.Key.StartsWith("(run ", StringComparison.Ordinal)))
        {
            if (dumped.GetValueOrDefault(line) < count)
                yield return $"BuildKit no longer sees the instruction {line} (dump after the fix:\n{BuildKitDump.Dump(tree).Text})";
        }

        foreach (var (install, count) in StartingOverInstalls(tree))
        {
            if (count > StartingOverInstalls(analysis.Tree).GetValueOrDefault(install))
                yield return $"`{install.Split('|')[1]}` now runs {count} times in its stage; it starts over each time (it is not idempotent), so a second run after the source re-installs on every change";
        }

        var originalText = analysis.Tree.Text.ToString();
        foreach (var instruction in tree.Root.Instructions.Where(i => i.Kind == InstructionKind.Copy && !originalText.Contains(i.ToString(), StringComparison.Ordinal)))
        {
            if (analysis.BuildContext is null) { yield return "added a COPY without a known build context"; continue; }
            if (instruction.Flags.Any(f => f.Name == "from")) continue;
            var words = instruction.Form == ArgumentForm.Exec && instruction.ExecArguments is { } exec ? exec.Select(a => a.Value).ToList() : instruction.Words.Select(w => w.Value).ToList();
            foreach (var source in words.Take(words.Count - 1))
            {
                if (!analysis.BuildContext.Exists(source) && !analysis.BuildContext.DirectoryHasIncludedFiles(source))
                    yield return $"added COPY of '{source}', which is not in the build context";
            }
        }

        // A COPY the fix adds must not repeat one the stage already has (the manifests were in place already).
        var copiesBefore = IdenticalCopies(analysis.Tree);
        foreach (var (copy, count) in IdenticalCopies(tree))
        {
            if (count > 1 && count > copiesBefore.GetValueOrDefault(copy))
                yield return $"`{copy.Split('|', 2)[1]}` {count} times in its stage (the original had it {copiesBefore.GetValueOrDefault(copy)} times)";
        }

        var recheck = DockerfileAnalyzer.Analyze(tree, analysis.BuildContext);
        if (recheck.Findings.Length > analysis.Findings.Length)
            yield return "more findings after the fix: " + string.Join("; ", recheck.Findings.Select(f => f.Message));
    }

    private static Dictionary<string, int> Dump(SyntaxTree tree)
        => BuildKitDump.Dump(tree).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>COPY and ADD instructions counted per "stage|text" (the instruction as written, without its trailing line break).</summary>
    private static Dictionary<string, int> IdenticalCopies(SyntaxTree tree)
        => SemanticModelBuilder.Build(tree).Stages
            .SelectMany(stage => stage.Instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add)
                .Select(i => $"{stage.Index}|{i.Syntax.ToString().Trim()}"))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Dependency-only installs the ecosystem table does not mark idempotent, counted per "stage|command".</summary>
    private static Dictionary<string, int> StartingOverInstalls(SyntaxTree tree)
        => SemanticModelBuilder.Build(tree).Stages
            .SelectMany(stage => stage.Instructions.OfType<RunModel>().SelectMany(run => run.Commands)
                .Select(InstallCommandMatcher.Match)
                .Where(m => m is { Command.StartsOver: true })
                .Select(m => $"{stage.Index}|{m!.Command.Display}"))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
}
