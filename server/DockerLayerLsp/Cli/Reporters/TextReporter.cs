using System.Text;
using DockerLayerLsp.Analysis.Findings;

namespace DockerLayerLsp.Cli.Reporters;

/// <summary>For people: <c>path:line:col: CODE message</c> with a short code frame, like ruff and rustc.</summary>
internal sealed class TextReporter : IReporter
{
    public void Write(Stream output, IReadOnlyList<FileReport> reports)
    {
        var color = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var count = 0;
        var fixable = 0;
        var unsafeOnly = 0;
        foreach (var report in reports)
        {
            foreach (var problem in report.Problems)
            {
                count++;
                if (problem.Fixable && !problem.FixIsUnsafe) fixable++;
                if (problem.Fixable && problem.FixIsUnsafe) unsafeOnly++;
                var severity = problem.Severity.ToString().ToLowerInvariant();
                writer.WriteLine($"{report.DisplayPath}:{problem.Line}:{problem.Column}: {Paint(problem.Code, color ? "1;33" : null)} {WithoutControls(problem.Message)} [{severity}]");
                WriteFrame(writer, report, problem);
                foreach (var (line, column, message) in problem.Related)
                    writer.WriteLine($"   = note: {report.DisplayPath}:{line}:{column}: {message}");
                if (problem.FixTitle is not null) writer.WriteLine($"   = fix: {problem.FixTitle}");
                // An unsafe fix says what it may change, so the user can judge before passing --unsafe-fixes.
                if (problem.FixNote is not null) writer.WriteLine($"     {(problem.FixIsUnsafe ? "why unsafe" : "note")}: {problem.FixNote}");
                if (problem.HelpUri is not null) writer.WriteLine($"   = help: dockerlayer rule {problem.Code}");
                writer.WriteLine();
            }
        }
        writer.WriteLine(count == 0
            ? $"All checks passed ({reports.Count} Dockerfile{(reports.Count == 1 ? "" : "s")})."
            : $"Found {count} problem{(count == 1 ? "" : "s")} in {reports.Count(r => r.Problems.Count > 0)} of {reports.Count} Dockerfile{(reports.Count == 1 ? "" : "s")}" + FixSummary(fixable, unsafeOnly) + ".");
    }

    // Like ruff: a fix that may change what the build does is counted apart, so "--fix" never promises more than it does.
    private static string FixSummary(int safe, int unsafeOnly) => (safe, unsafeOnly) switch
    {
        (0, 0) => "",
        (_, 0) => $" ({safe} fixable with --fix)",
        (0, _) => $" ({unsafeOnly} fixable with --fix --unsafe-fixes)",
        _ => $" ({safe} fixable with --fix, {unsafeOnly} more with --unsafe-fixes)",
    };

    private static void WriteFrame(StreamWriter writer, FileReport report, Problem problem)
    {
        var text = report.Text;
        var firstLine = problem.Line - 1;
        var lastLine = Math.Min(problem.EndLine - 1, firstLine + 2);
        var width = (lastLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        writer.WriteLine($"{new string(' ', width)} |");
        for (var line = firstLine; line <= lastLine && line < text.LineCount; line++)
        {
            var content = Printable(text.ToString(text.GetLineSpan(line)));
            writer.WriteLine($"{(line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)} | {content}");
            if (line == firstLine)
            {
                var start = Math.Min(problem.Column - 1, content.Length);
                var end = problem.EndLine - 1 == line ? Math.Max(problem.EndColumn - 1, start + 1) : Math.Max(content.TrimEnd().Length, start + 1);
                end = Math.Min(end, Math.Max(content.Length, start + 1));
                writer.WriteLine($"{new string(' ', width)} | {new string(' ', Math.Min(start, content.Length))}{new string('^', Math.Max(1, end - start))}");
            }
        }
    }

    private const int MaxFrameWidth = 160;

    // A frame is for reading: control bytes (a binary file, an escape sequence) must not reach the terminal raw,
    // and a megabyte-long RUN line is cut rather than echoed with a megabyte of carets.
    private static string Printable(string line)
    {
        var cut = line.Length > MaxFrameWidth;
        return WithoutControls((cut ? line[..MaxFrameWidth] : line).Replace('\t', ' ')) + (cut ? "…" : "");
    }

    private static string WithoutControls(string text)
    {
        if (!text.Any(c => char.IsControl(c) || c == '\uFEFF')) return text;
        return string.Create(text.Length, text, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                chars[i] = char.IsControl(source[i]) && source[i] is not ('\n' or '\t') || source[i] == '\uFEFF' ? '\uFFFD' : source[i];
        });
    }

    private static string Paint(string text, string? code) => code is null ? text : $"\u001b[{code}m{text}\u001b[0m";
}
