using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Fixes.CacheOrder;

/// <summary>
/// For a dependency-only install RUN that the source COPY cannot follow (<c>COPY . .</c>, <c>WORKDIR /app/web</c>,
/// <c>RUN npm ci</c>: moving the COPY past the WORKDIR would change where it copies to): move the RUN itself before
/// the source COPY, after a COPY of the manifests, with a <c>cd</c> into the folder it ran in. The install then runs
/// once, before the source, and no second install is left after it. Only metadata instructions and the source COPYs
/// may lie between (an ENV, ARG, USER, SHELL, RUN or other COPY might change what the install sees). Always unsafe:
/// it moves a RUN.
/// </summary>
public sealed class MoveInstallBeforeSourceFix
{
    private static readonly InstructionKind[] Crossable =
        [InstructionKind.Workdir, InstructionKind.Label, InstructionKind.Maintainer, InstructionKind.Expose, InstructionKind.Stopsignal,
         InstructionKind.Healthcheck, InstructionKind.Cmd, InstructionKind.Entrypoint];

    public IReadOnlyList<CodeFix> Create(CacheOrderFixRequest request)
    {
        if (request.BuildContext is null) return [];
        var install = request.Install;
        var first = request.BroadCopies[0];
        var between = request.Stage.Instructions.Skip(first.IndexInStage).Take(install.IndexInStage - first.IndexInStage);
        if (!between.All(i => (i is CopyModel c && request.BroadCopies.Contains(c)) || Crossable.Contains(i.Kind))) return [];
        if (!CanMove(request)) return [];

        var directory = install.WorkingDirectory;
        // The manifests' COPY must create the folder the install cds into; WORKDIR no longer does it before the RUN.
        if (directory != first.WorkingDirectory && !request.Manifests.Any(m => !m.IsDirectory && FolderOf(m.ContainerPath) == directory)) return [];

        var text = request.Text;
        var syntax = install.Syntax;
        var cd = directory == first.WorkingDirectory ? "" : $"cd {DependencyStep.QuoteWord(directory)} && ";
        var runText = text[FixText.MovableStart(syntax)..syntax.ArgumentSpan.Start] + cd + text[syntax.ArgumentSpan.Start..FixText.End(syntax)];
        var regionStart = FixText.MovableStart(first.Syntax);
        var rest = text[regionStart..FixText.MovableStart(syntax)];
        if (!FixText.EndsWithLineBreak(runText))
        {
            // The install was the file's last line: the file still ends where it did, without a final newline.
            runText += request.LineBreak;
            rest = FixText.TrimOneLineBreak(rest);
        }
        var replacement = FixText.CopyLines(request, first, first.WorkingDirectory) + runText + rest;
        var edit = TextEdits.Minimal(text, TextSpan.FromBounds(regionStart, FixText.End(syntax)), replacement);
        var names = FixText.Names(request.ManifestsToAdd);
        var line = syntax.StartLine + 1;
        return
        [
            new CodeFix(
                (request.ManifestsToAdd.Count > 0 ? $"Copy {names} and move the install on line {line} before the source" : $"Move the install on line {line} before the source") + " (unsafe)",
                FixSafety.Unsafe,
                [edit],
                $"Moves the RUN on line {line} before the source COPY on line {first.Syntax.StartLine + 1}" + (cd.Length == 0 ? "." : $", running it in {directory} with cd.")),
        ];
    }

    /// <summary>The RUN only installs, in shell form that a <c>cd</c> can prefix, with no mount resolved against the WORKDIR
    /// and no lifecycle scripts that may need the source.</summary>
    private static bool CanMove(CacheOrderFixRequest request)
    {
        var install = request.Install;
        if (!request.OnlyInstalls || install.Syntax.Form != ArgumentForm.Shell || install.Syntax.Heredocs.Count > 0) return false;
        if (install.Commands.Any(c => c.WorkingDirectory is null)) return false;
        if (install.Mounts.Any(m => m.Type == "bind" || (m.Target is { } target && !target.StartsWith('/')))) return false;
        return request.Match.Ecosystem.LifecycleScripts?.Defined(request.BuildContext!, request.ProjectContextDirectory, request.ReadManifests) is not { Count: > 0 };
    }

    private static string FolderOf(string containerPath)
    {
        var slash = containerPath.LastIndexOf('/');
        return slash <= 0 ? "/" : containerPath[..slash];
    }
}
