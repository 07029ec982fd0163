using System.Text;
using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Shell;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Fixes.CacheOrder;

/// <summary>
/// For an install that reads only its manifests: copy the manifests right before the install and move
/// the source COPYs (with the comments directly above them, and any RUN between that may read the
/// source) right after it. Instructions that do not read the source stay put; every moved instruction
/// keeps every character. When the install RUN also builds (<c>npm ci &amp;&amp; npm run build</c>) it is
/// split in two. Safe when it only reorders and adds COPYs; unsafe when it moves a RUN, splits a RUN
/// or has to skip lifecycle scripts.
/// </summary>
public sealed class MoveSourceAfterInstallFix
{
    public IReadOnlyList<CodeFix> Create(CacheOrderFixRequest request)
    {
        if (request.BuildContext is null) return [];
        var plan = Plan(request);
        if (plan is null) return [];
        var (moved, reasons) = plan.Value;

        var scripts = request.Match.Ecosystem.LifecycleScripts;
        var defined = scripts?.Defined(request.BuildContext, request.ProjectContextDirectory, request.ReadManifests) ?? [];
        var split = Split(request);
        if (split is null && !request.OnlyInstalls) return [];

        string? flag = null;
        if (defined.Count > 0)
        {
            // The project's own install scripts may need the source: a plain move could break the build.
            flag = scripts!.DisableFlag;
            if (InsertionPointAfterInstall(request) is null) return [];
            reasons.Add($"{string.Join("; ", defined)}, which may need the source; the fix adds {flag}, so these scripts (and dependencies' install scripts) no longer run at install time. Run what they do after the source COPY if the image needs it.");
        }
        if (split is not null) reasons.Add($"Splits the RUN on line {request.Install.Syntax.StartLine + 1} so that the install runs before the source is copied and the rest after it.");

        var edit = BuildEdit(request, moved, split, flag);
        var names = FixText.Names(request.ManifestsToAdd);
        var title = (request.ManifestsToAdd.Count > 0 ? $"Copy {names} first, then the source" : "Move the source COPY after the dependency install")
                    + (flag is null ? "" : $" (install with {flag})");
        return reasons.Count == 0
            ? [new CodeFix(title, FixSafety.Safe, [edit])]
            : [new CodeFix(title + " (unsafe)", FixSafety.Unsafe, [edit], string.Join(" ", reasons))];
    }

    /// <summary>Which instructions between the first source COPY and the install move after it, and why that is unsafe; null when no order works.</summary>
    private static (List<InstructionModel> Moved, List<string> Reasons)? Plan(CacheOrderFixRequest request)
    {
        var first = request.BroadCopies[0];
        var moved = new List<InstructionModel>();
        var reasons = new List<string>();
        var between = request.Stage.Instructions.Skip(first.IndexInStage).Take(request.Install.IndexInStage - first.IndexInStage).ToList();
        foreach (var instruction in between)
        {
            if (instruction is CopyModel copy && request.BroadCopies.Contains(copy)) { moved.Add(copy); continue; }
            if (instruction is RunModel run && !run.Commands.All(SourceFreeCommands.IsSourceFree))
            {
                moved.Add(run);
                reasons.Add($"Moves the RUN on line {run.Syntax.StartLine + 1}, which may read the source, after the install.");
            }
        }
        foreach (var instruction in between.Where(i => !moved.Contains(i)))
        {
            switch (instruction.Kind)
            {
                case InstructionKind.Workdir when moved.Any(m => m is RunModel || (m is CopyModel c && !c.DestinationRaw.StartsWith('/'))):
                case InstructionKind.User when moved.Any(m => m is RunModel):
                    return null; // moving past it would change where or as whom the moved instructions run
                case InstructionKind.Env or InstructionKind.Arg when moved.Any(m => m.Syntax.ArgumentText.Contains('$')):
                    reasons.Add($"The {instruction.Syntax.Keyword.ToUpperInvariant()} on line {instruction.Syntax.StartLine + 1} may change a variable a moved instruction uses.");
                    break;
                case InstructionKind.Copy or InstructionKind.Add when moved.Any(m => m is RunModel):
                    reasons.Add($"The COPY on line {instruction.Syntax.StartLine + 1} now comes before a moved RUN.");
                    break;
            }
        }
        return (moved, reasons);
    }

    /// <summary>For <c>RUN a &amp;&amp; npm ci &amp;&amp; npm run build</c>: the offsets (in the file) where the install part ends and the rest starts.</summary>
    private static (int PrefixEnd, int RestStart)? Split(CacheOrderFixRequest request)
    {
        var run = request.Install;
        var commands = run.Commands;
        var boundary = 0;
        while (boundary < commands.Length && (request.IsSameInstall(commands[boundary]) || SourceFreeCommands.IsSourceFree(commands[boundary]))) boundary++;
        if (boundary == commands.Length || !commands.Take(boundary).Any(c => request.IsSameInstall(c))) return null;
        if (!IsPlainShellScript(run) || commands.Select(c => c.Start).Distinct().Count() != commands.Length) return null;

        var script = run.Script;
        var restStart = commands[boundary].Start;
        var separator = restStart - 1;
        while (separator >= 0 && (char.IsWhiteSpace(script[separator]) || script[separator] == request.Model.Tree.EscapeChar)) separator--;
        if (separator < 1) return null;
        int separatorStart;
        if (script[separator] == '&' && script[separator - 1] == '&') separatorStart = separator - 1;
        else if (script[separator] == ';') separatorStart = separator;
        else return null;
        var syntax = run.Syntax;
        return (syntax.MapArgumentOffset(separatorStart), syntax.MapArgumentOffset(restStart));
    }

    /// <summary>A shell-form RUN without heredocs or compound commands, whose script offsets map back to the file.</summary>
    private static bool IsPlainShellScript(RunModel run)
    {
        if (run.Syntax.Form != ArgumentForm.Shell || run.Syntax.Heredocs.Count > 0) return false;
        var words = ShellWords.Split(run.Script);
        return !words.Any(w => w is "if" or "then" or "fi" or "for" or "while" or "do" or "done" or "case" or "esac" or "{" or "}" or "(" or ")")
               && !run.Script.Contains('`') && !run.Script.Contains("$(", StringComparison.Ordinal);
    }

    /// <summary>Where to add a flag to the install command: right after its last word, in the file.</summary>
    private static int? InsertionPointAfterInstall(CacheOrderFixRequest request)
    {
        var run = request.Install;
        if (!IsPlainShellScript(run)) return null;
        var command = run.Commands.FirstOrDefault(c => request.IsSameInstall(c));
        if (command is null) return null;
        return run.Syntax.MapArgumentOffset(command.Start + command.Text.Length);
    }

    private static TextChange BuildEdit(CacheOrderFixRequest request, List<InstructionModel> moved, (int PrefixEnd, int RestStart)? split, string? flag)
    {
        var text = request.Text;
        var lineBreak = request.LineBreak;
        var run = request.Install.Syntax;
        var regionStart = FixText.MovableStart(request.BroadCopies[0].Syntax);
        var runStart = FixText.MovableStart(run);
        var regionEnd = FixText.End(run);

        var kept = new StringBuilder();
        var movedText = new StringBuilder();
        var cursor = regionStart;
        foreach (var instruction in moved)
        {
            var start = FixText.MovableStart(instruction.Syntax);
            kept.Append(text, cursor, start - cursor);
            var end = FixText.End(instruction.Syntax);
            movedText.Append(text, start, end - start);
            cursor = end;
        }
        kept.Append(text, cursor, runStart - cursor);

        var flagAt = flag is null ? null : InsertionPointAfterInstall(request);
        string WithFlag(int from, int to)
        {
            if (flagAt is not { } at || at < from || at > to) return text[from..to];
            return text[from..at] + " " + flag + text[at..to];
        }

        string installText, restText = "";
        if (split is { } s)
        {
            var (prefix, comments) = FixText.EndContinuation(WithFlag(runStart, s.PrefixEnd), text[s.PrefixEnd..s.RestStart], request.Model.Tree.EscapeChar);
            installText = prefix + lineBreak;
            var indentation = FixText.Indentation(text, run);
            restText = string.Concat(comments.Select(c => indentation + c + lineBreak))
                       + text[run.FullSpan.Start..run.ArgumentSpan.Start] + text[s.RestStart..regionEnd];
        }
        else
        {
            installText = WithFlag(runStart, regionEnd);
        }

        var movedString = movedText.ToString() + restText;
        if (split is null && !FixText.EndsWithLineBreak(installText))
        {
            // The install was the file's last line: what now follows it goes after without adding a final newline.
            installText += lineBreak;
            movedString = FixText.TrimOneLineBreak(movedString);
        }
        var replacement = kept + FixText.CopyLines(request, request.BroadCopies[0], request.Install.WorkingDirectory) + installText + movedString;
        return TextEdits.Minimal(text, TextSpan.FromBounds(regionStart, regionEnd), replacement);
    }
}
