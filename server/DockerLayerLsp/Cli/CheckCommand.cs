using System.CommandLine;
using DockerLayerLsp.Analysis;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Cli.Reporters;
using DockerLayerLsp.Syntax;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Cli;

/// <summary><c>dockerlayer check [--fix] [--format text|json|sarif] [--context DIR] PATH...</c></summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Dockerfiles, or folders to search for Dockerfile, Dockerfile.*, *.Dockerfile and Containerfile.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format: text, json or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var fix = new Option<bool>("--fix") { Description = "Apply safe fixes in place (atomically, only when the result parses cleanly)." };
        var unsafeFixes = new Option<bool>("--unsafe-fixes") { Description = "With --fix, also apply fixes marked unsafe." };
        var context = new Option<DirectoryInfo?>("--context") { Description = "Build context folder (default: each Dockerfile's folder)." };
        var command = new Command("check", "Check Dockerfiles for instruction orders that defeat the build cache.") { paths, format, fix, unsafeFixes, context };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(format)!, parse.GetValue(fix), parse.GetValue(unsafeFixes), parse.GetValue(context)));
        return command;
    }

    private static int Run(string[] paths, string format, bool fix, bool unsafeFixes, DirectoryInfo? contextOverride)
    {
        if (contextOverride is not null && !contextOverride.Exists)
        {
            Console.Error.WriteLine($"dockerlayer: build context folder not found: {contextOverride.FullName}");
            return CommandLine.ExitUsage;
        }
        // System.CommandLine takes an unknown `--flag` for a PATH; say what it is rather than "no such file".
        if (paths.FirstOrDefault(p => p.StartsWith('-') && p.Length > 1 && !File.Exists(p) && !Directory.Exists(p)) is { } unknown)
        {
            Console.Error.WriteLine($"dockerlayer: unknown option {unknown} (see dockerlayer check --help)");
            return CommandLine.ExitUsage;
        }
        var files = new List<string>();
        var emptyFolders = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            try
            {
                var found = DockerfileFiles.Discover(path).ToList();
                if (found.Count == 0) emptyFolders.Add(path);
                // The same file named twice (`Dockerfile ./Dockerfile .`) is checked, and fixed, once.
                files.AddRange(found.Where(f => seen.Add(Path.GetFullPath(f))));
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"dockerlayer: {e.Message}");
                return CommandLine.ExitUsage;
            }
        }

        // A mistyped folder in CI must not pass as "all checks passed".
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"dockerlayer: no Dockerfile found in {string.Join(", ", paths)} (looked for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)");
            return CommandLine.ExitUsage;
        }
        foreach (var folder in emptyFolders) Console.Error.WriteLine($"dockerlayer: no Dockerfile found under {folder}");
        var contexts = new Dictionary<string, BuildContextModel>(StringComparer.Ordinal);
        var reports = new List<FileReport>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = DockerfileFiles.Read(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"dockerlayer: cannot read {file}: {e.Message}");
                return CommandLine.ExitUsage;
            }
            var contextDirectory = contextOverride?.FullName ?? Path.GetDirectoryName(Path.GetFullPath(file))!;
            var key = contextDirectory + "\0" + Path.GetFileName(file);
            if (!contexts.TryGetValue(key, out var buildContext))
                contexts[key] = buildContext = BuildContextModel.Load(contextDirectory, Path.GetFullPath(file));
            reports.Add(CheckFile(file, text, buildContext, fix, unsafeFixes));
        }

        IReporter reporter = format switch
        {
            "json" => new JsonReporter(),
            "sarif" => new SarifReporter(),
            _ => new TextReporter(),
        };
        // What --fix changed comes first, so the summary line below describes the files as they now are.
        foreach (var report in reports.Where(r => r.Fixed.Count > 0))
        {
            var writer = format == "text" ? Console.Out : Console.Error;
            foreach (var title in report.Fixed) writer.WriteLine($"fixed {report.DisplayPath}: {title}");
        }
        Console.Out.Flush();
        using (var stdout = Console.OpenStandardOutput())
            reporter.Write(stdout, reports);
        if (reports.Any(r => r.WriteError is not null)) return CommandLine.ExitUsage;
        return reports.Any(r => r.Problems.Count > 0) ? CommandLine.ExitFindings : CommandLine.ExitClean;
    }

    private static FileReport CheckFile(string path, string text, BuildContextModel buildContext, bool fix, bool unsafeFixes)
    {
        var analysis = DockerfileAnalyzer.Analyze(SyntaxTree.Parse(SourceText.From(text)), buildContext);
        var fixedTitles = new List<string>();
        if (fix)
        {
            var result = FixAll.Apply(analysis, unsafeFixes);
            if (result.Applied > 0)
            {
                var fixedTree = SyntaxTree.Parse(SourceText.From(result.Text));
                if (IntroducesErrors(analysis.Tree, fixedTree))
                {
                    Console.Error.WriteLine($"dockerlayer: not writing {path}: the fixed text would not parse cleanly (please report this)");
                }
                else
                {
                    try
                    {
                        DockerfileFiles.WriteAtomically(path, result.Text);
                        fixedTitles.AddRange(result.Titles);
                        analysis = DockerfileAnalyzer.Analyze(fixedTree, buildContext);
                    }
                    catch (IOException e)
                    {
                        // The findings are still reported, for the file as it is on disk.
                        Console.Error.WriteLine($"dockerlayer: cannot write {DisplayPath(path)}: {e.Message}");
                        return new FileReport(path, DisplayPath(path), analysis.Tree.Text, Problems(analysis), fixedTitles, e.Message);
                    }
                }
            }
        }
        return new FileReport(path, DisplayPath(path), analysis.Tree.Text, Problems(analysis), fixedTitles);
    }

    private static bool IntroducesErrors(SyntaxTree before, SyntaxTree after)
    {
        static IEnumerable<string> Errors(SyntaxTree tree) => tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Code + d.Message);
        return Errors(after).Except(Errors(before)).Any();
    }

    private static List<Problem> Problems(DocumentAnalysis analysis)
    {
        var text = analysis.Tree.Text;
        var problems = new List<Problem>();
        foreach (var diagnostic in analysis.Tree.Diagnostics)
        {
            var severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => FindingSeverity.Error,
                DiagnosticSeverity.Warning => FindingSeverity.Warning,
                DiagnosticSeverity.Info => FindingSeverity.Information,
                _ => FindingSeverity.Hint,
            };
            problems.Add(Create(text, diagnostic.Code, severity, diagnostic.Message, diagnostic.Span, null, false, null, null, []));
        }
        foreach (var finding in analysis.Findings)
        {
            var related = finding.Related.Select(r => (text.GetLinePosition(r.Span.Start).Line + 1, text.GetLinePosition(r.Span.Start).Character + 1, r.Message)).ToList();
            var fix = finding.Fixes.FirstOrDefault();
            problems.Add(Create(text, finding.RuleId, finding.Severity, finding.Message, finding.Span,
                fix is null ? null : fix.Title + (fix.Safety == FixSafety.Unsafe ? " (--fix --unsafe-fixes)" : " (--fix)"), fix?.Safety == FixSafety.Unsafe, fix?.Note, finding.Rule.HelpUri, related));
        }
        problems.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return problems;
    }

    private static Problem Create(SourceText text, string code, FindingSeverity severity, string message, TextSpan span, string? fixTitle, bool fixIsUnsafe, string? fixNote, string? help, IReadOnlyList<(int, int, string)> related)
    {
        var start = text.GetLinePosition(span.Start);
        var end = text.GetLinePosition(span.End);
        return new Problem(code, severity, message, start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1, span, fixTitle is not null, fixIsUnsafe, fixTitle, fixNote, help, related);
    }

    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }
}
