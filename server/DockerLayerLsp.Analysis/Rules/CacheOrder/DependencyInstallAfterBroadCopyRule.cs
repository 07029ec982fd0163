using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Rules.CacheOrder;

/// <summary>
/// DLC001 — dependency install re-runs on every source change.
///
/// What it does: in one stage, finds a COPY/ADD from the build context that brings more than the
/// dependency manifests, placed before a RUN that installs dependencies and needs only those manifests.
///
/// Why it matters: BuildKit reuses a layer only while every earlier layer is unchanged and, for COPY,
/// while the copied files are unchanged. Copying the whole source first means any edit to any file
/// invalidates the install layer, so every build downloads every dependency again.
///
/// Fix safety: copying the manifests first and moving the broad COPY after the install is safe when the
/// install RUN uses only the manifests and nothing between the COPY and the install reads the source;
/// otherwise the fix is marked unsafe and says why.
/// </summary>
public sealed class DependencyInstallAfterBroadCopyRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "DLC001",
        "dependency-install-after-source-copy",
        "Dependency install re-runs on every source change",
        FindingSeverity.Warning,
        new RuleDocumentation(
            WhatItDoes: "Finds a COPY or ADD that brings source files into a stage before a RUN that installs dependencies from manifests (go.mod, package.json, requirements.txt, ...).",
            WhyItMatters: "A layer's cache is reused only while every layer before it is unchanged. When the whole source is copied before the install, editing any file — a README, one line of code — invalidates the install layer, and every build downloads and builds every dependency again. Copying the manifests first lets the install layer stay cached until the dependencies themselves change.",
            Example: "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /bin/app .",
            UseInstead: "FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /bin/app .",
            FixSafety: "Safe when the install RUN needs only the manifests and nothing between the source COPY and the install reads the source: the fix adds a COPY of the manifests that exist in the build context (and are not excluded by .dockerignore), with the same --chown/--chmod/--link flags, and moves the source COPY after the install. It is unsafe, and says why, when a RUN between them might read the source or a variable or WORKDIR the COPY depends on changes. No fix is offered when the install RUN also runs commands that need the source (split the RUN first) or when the build context is unknown."));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var run in stage.Instructions.OfType<RunModel>())
            {
                var finding = AnalyzeInstall(context, stage, run);
                if (finding is not null) yield return finding;
            }
        }
    }

    private static Finding? AnalyzeInstall(RuleContext context, Stage stage, RunModel run)
    {
        var installs = run.Commands.Select(InstallCommandMatcher.Match).OfType<InstallMatch>().ToList();
        if (installs.Count == 0) return null;
        if (run.Mounts.Any(m => m.Type == "bind" && m.From is null)) return null; // manifests bind-mounted: already right

        var needs = NeededManifests(run, installs);
        var alsoNarrow = needs.Select(n => n.ContainerPath[(n.ContainerPath.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal);
        var copiesBefore = stage.Instructions.Take(run.IndexInStage).OfType<CopyModel>().Where(c => c.CopiesFromContext).ToList();
        var broad = copiesBefore.Where(c => CopyMapping.IsBroad(c, context.BuildContext, alsoNarrow)).ToList();
        if (broad.Count == 0) return null;

        // The install must read its required manifests from the build context through these copies;
        // otherwise (generated in an earlier RUN, from another stage) moving copies changes nothing.
        var resolved = needs.Select(n => (Need: n, Provider: Provider(copiesBefore, n.ContainerPath, context.BuildContext))).ToList();
        if (resolved.Any(r => r.Need.Manifest.Role == ManifestRole.Required && r.Provider is null)) return null;

        var present = resolved.Where(r => r.Provider is not null).ToList();
        var manifestList = string.Join(", ", present.Select(r => r.Provider!.Value.ContextPath).Distinct());
        var installText = string.Join(" && ", installs.Select(i => i.Shell.Text).Distinct());
        var first = broad[0];
        var copyText = FirstLine(context.Model.Tree.Text.ToString(first.Syntax.Span));
        var line = run.Syntax.StartLine + 1;
        var message = $"`{installText}` (line {line}) re-runs on every source change: `{copyText}` brings in more than the dependency manifests. Copy {manifestList} first, install, then copy the source.";

        var fix = ManifestFirstFix.Create(context, stage, run, broad, present.Select(p => (p.Need, p.Provider!.Value)).ToList());
        return new Finding(
            Rule,
            context.Severity,
            message,
            first.Syntax.Span,
            [new RelatedLocation(run.Syntax.Span, $"This install re-runs whenever any file copied by line {first.Syntax.StartLine + 1} changes")],
            fix is null ? [] : [fix]);
    }

    internal sealed record Need(ManifestFile Manifest, string ContainerPath, int Order);

    private static List<Need> NeededManifests(RunModel run, List<InstallMatch> installs)
    {
        var needs = new List<Need>();
        foreach (var install in installs)
        {
            var directory = install.ProjectDirectory ?? run.WorkingDirectory;
            foreach (var manifest in install.ManifestNames)
            {
                var path = ContainerPaths.Resolve(directory, manifest.Name);
                var existing = needs.FindIndex(n => n.ContainerPath == path);
                if (existing < 0) needs.Add(new Need(manifest, path, needs.Count));
                else if (manifest.Role == ManifestRole.Required) needs[existing] = needs[existing] with { Manifest = manifest };
            }
        }
        return needs;
    }

    internal readonly record struct ProvidedBy(CopyModel Copy, string ContextPath);

    /// <summary>The last copy before the install that puts a context file at <paramref name="containerPath"/>.</summary>
    private static ProvidedBy? Provider(List<CopyModel> copiesBefore, string containerPath, BuildContext.BuildContext? buildContext)
    {
        for (var i = copiesBefore.Count - 1; i >= 0; i--)
        {
            var contextPath = CopyMapping.ContextPathFor(copiesBefore[i], containerPath, buildContext);
            if (contextPath is not null) return new ProvidedBy(copiesBefore[i], contextPath);
        }
        return null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
