using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Fixes.CacheOrder;

/// <summary>
/// For an install that needs the source (a build with implicit restore, <c>poetry install</c>): insert,
/// before the first source COPY, a COPY of the manifests and a RUN of the row's dependency-only
/// <see cref="DependencyStep"/>. Every existing instruction stays as it is; the later install then
/// finds its dependencies already there. Always unsafe: it adds a command.
/// </summary>
public sealed class InsertDependencyStepFix(DependencyStep step)
{
    public IReadOnlyList<CodeFix> Create(CacheOrderFixRequest request)
    {
        if (request.BuildContext is null) return [];
        var first = request.BroadCopies[0];
        var relative = request.Manifests.Select(m => (Shell.ContainerPaths.IsUnder(m.ContainerPath, request.ProjectDirectory)
            ? Shell.ContainerPaths.RelativeTo(m.ContainerPath, request.ProjectDirectory) : m.ContainerPath, m.ContextPath)).ToList();
        var command = step.Command(new DependencyStepInput(request.Match, relative, request.BuildContext)
            { ProjectContextDirectory = request.ProjectContextDirectory, ReadManifests = request.ReadManifests });
        if (command is null) return [];

        var text = request.Text;
        var workingDirectory = first.WorkingDirectory;
        var runIn = step.RunsInProjectDirectory ? request.ProjectDirectory : request.Match.Shell.WorkingDirectory;
        if (runIn is null) return [];
        var cd = runIn == workingDirectory ? "" : $"cd {DependencyStep.QuoteWord(runIn)} && ";
        var run = FixText.Indentation(text, first.Syntax) + (char.IsLower(first.Syntax.Keyword[0]) ? "run " : "RUN ")
                  + FixText.CarriedMounts(request.Install) + cd + command + request.LineBreak;
        var inserted = FixText.CopyLines(request, first, workingDirectory) + run;
        var at = FixText.MovableStart(first.Syntax);
        var names = FixText.Names(request.ManifestsToAdd);
        return
        [
            new CodeFix(
                (request.ManifestsToAdd.Count > 0 ? $"Copy {names} and run `{command}` before the source" : $"Run `{command}` before the source") + " (unsafe)",
                FixSafety.Unsafe,
                [new TextChange(new TextSpan(at, 0), inserted)],
                $"Adds the command `{command}`, which resolves the dependencies in a layer of its own; the later `{request.Match.Shell.Text}` then finds them there. Check that it resolves what the build needs."),
        ];
    }
}
