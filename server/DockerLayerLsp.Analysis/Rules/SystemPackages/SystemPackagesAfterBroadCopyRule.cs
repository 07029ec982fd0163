using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Fixes.CacheOrder;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Rules.CacheOrder;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Rules.SystemPackages;

/// <summary>
/// DLC002 — system packages re-install on every source change.
///
/// What it does: finds a RUN that installs operating-system packages (apt-get, apt, apk, yum, dnf,
/// microdnf, zypper, pacman) and reads nothing from the build context, placed after a COPY/ADD that
/// brings in source files.
///
/// Why it matters: the package install does not depend on the source, but sitting after the source
/// COPY it re-runs — updating indexes and downloading packages — whenever any file changes.
///
/// Fix: move the RUN before the first source COPY. Packages installed earlier are still there for
/// everything after, so only instructions that could change what the package manager does (a RUN in
/// between that adds a repository, a variable it uses) make the move unsafe.
/// </summary>
public sealed class SystemPackagesAfterBroadCopyRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "DLC002",
        "system-packages-after-source-copy",
        "System package install re-runs on every source change",
        FindingSeverity.Warning,
        new RuleDocumentation(
            WhatItDoes: "Finds a RUN that installs operating-system packages with apt-get, apt, apk, yum, dnf, microdnf, zypper or pacman, reads nothing from the build context, and comes after a COPY or ADD that brings source files into the same stage.",
            WhyItMatters: "The package install does not depend on your source, but a layer's cache is reused only while every layer before it is unchanged. After the source COPY, every edit to any file re-runs the package index update and downloads every package again, which is often the slowest step of the build.",
            Example: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nRUN pip install -r requirements.txt",
            UseInstead: "FROM python:3.12-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nCOPY . .\nRUN pip install -r requirements.txt",
            FixSafety: "Safe when only COPY, ADD and instructions that do not affect the package manager (LABEL, EXPOSE, ENV or ARG it does not use) lie between the source COPY and the install: the fix moves the RUN, unchanged, before the first source COPY. It is unsafe when a RUN lies in between (it might add a package repository or otherwise prepare the install). No fix is offered when a USER lies in between. Installs of package files from the build context (apt-get install ./pkg.deb) are not reported."));

    private static readonly HashSet<string> PackageManagers = new(StringComparer.Ordinal)
    {
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper", "pacman", "aptitude",
    };

    private static readonly HashSet<string> InstallVerbs = new(StringComparer.Ordinal)
    {
        "install", "add", "in", "-S", "-Sy", "-Syu", "--sync", "upgrade", "dist-upgrade",
    };

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var run in stage.Instructions.OfType<RunModel>())
            {
                var finding = AnalyzeRun(context, stage, run);
                if (finding is not null) yield return finding;
            }
        }
    }

    private static Finding? AnalyzeRun(RuleContext context, Stage stage, RunModel run)
    {
        var installs = run.Commands.Where(IsPackageInstall).ToList();
        if (installs.Count == 0 || !run.Commands.All(SourceFreeCommands.IsSourceFree)) return null;
        if (installs.Any(InstallsContextFile) || run.Mounts.Any(m => m.Type == "bind" && m.From is null)) return null;
        var broad = stage.Instructions.Take(run.IndexInStage).OfType<CopyModel>()
            .Where(c => c.CopiesFromContext && CopyMapping.IsBroad(c, context.BuildContext, _ => false)).ToList();
        if (broad.Count == 0) return null;

        var first = broad[0];
        var line = run.Syntax.StartLine + 1;
        var tree = context.Model.Tree;
        var copyText = InstructionQuote.Of(tree.Text.ToString(first.Syntax.Span), tree.EscapeChar);
        var fix = MoveBefore(context, stage, run, first);
        return new Finding(
            Rule,
            context.Severity,
            $"`{InstructionQuote.Command(installs[0].Text)}` (line {line}) installs system packages and reads nothing from the build context, but it comes after `{copyText}`, so every source change installs them again. Move it before the COPY.",
            FirstLine(tree, run.Syntax.Span),
            [new RelatedLocation(first.Syntax.Span, "Any change to the files this COPY brings in re-runs the package install")],
            fix is null ? [] : [fix]);
    }

    // A RUN of twenty continued package lines is one finding, not twenty underlined lines: the squiggle is its first line.
    private static TextSpan FirstLine(SyntaxTree tree, TextSpan span)
    {
        var line = tree.Text.GetLinePosition(span.Start).Line;
        return TextSpan.FromBounds(span.Start, Math.Min(span.End, tree.Text.GetLineSpan(line).End));
    }

    private static bool IsPackageInstall(Shell.ShellCommand command)
        => command.Words.Count >= 2 && PackageManagers.Contains(Path.GetFileName(command.Words[0]))
           && command.Words.Skip(1).FirstOrDefault(w => !w.StartsWith('-') || InstallVerbs.Contains(w)) is { } verb && InstallVerbs.Contains(verb);

    /// <summary><c>apt-get install ./app.deb</c>, <c>apk add --allow-untrusted /tmp/x.apk</c>: a package from the context.</summary>
    private static bool InstallsContextFile(Shell.ShellCommand command)
        => command.Words.Skip(1).Any(w => !w.StartsWith('-') && (w.StartsWith('.') || w.StartsWith('/') || w.Contains('$')
                                                                 || w.EndsWith(".deb", StringComparison.Ordinal) || w.EndsWith(".rpm", StringComparison.Ordinal) || w.EndsWith(".apk", StringComparison.Ordinal)));

    private static CodeFix? MoveBefore(RuleContext context, Stage stage, RunModel run, CopyModel first)
    {
        var between = stage.Instructions.Skip(first.IndexInStage + 1).Take(run.IndexInStage - first.IndexInStage - 1).ToList();
        var reasons = new List<string>();
        foreach (var instruction in between)
        {
            switch (instruction.Kind)
            {
                case InstructionKind.User:
                    return null; // the install would run as another user
                case InstructionKind.Run:
                    reasons.Add($"The RUN on line {instruction.Syntax.StartLine + 1} would now come after the package install; it may prepare it (a repository, a key).");
                    break;
                case InstructionKind.Env or InstructionKind.Arg when run.Script.Contains('$'):
                    reasons.Add($"The {instruction.Syntax.Keyword.ToUpperInvariant()} on line {instruction.Syntax.StartLine + 1} may set a variable the install uses.");
                    break;
                case InstructionKind.Workdir when run.Script.Contains("./", StringComparison.Ordinal):
                    return null;
            }
        }

        var text = context.Model.Tree.Text.ToString();
        var lineBreak = context.Model.Tree.Text.PreferredLineBreak;
        var regionStart = FixText.MovableStart(first.Syntax);
        var runStart = FixText.MovableStart(run.Syntax);
        var regionEnd = FixText.End(run.Syntax);
        var runText = text[runStart..regionEnd];
        var before = text[regionStart..runStart];
        if (!FixText.EndsWithLineBreak(runText))
        {
            runText += lineBreak;
            before = FixText.TrimOneLineBreak(before);
        }
        var edit = TextEdits.Minimal(text, TextSpan.FromBounds(regionStart, regionEnd), runText + before);
        const string title = "Move the system package install before the source COPY";
        return reasons.Count == 0
            ? new CodeFix(title, FixSafety.Safe, [edit])
            : new CodeFix(title + " (unsafe)", FixSafety.Unsafe, [edit], string.Join(" ", reasons));
    }
}
