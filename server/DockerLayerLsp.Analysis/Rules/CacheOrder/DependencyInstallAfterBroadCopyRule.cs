using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Fixes.CacheOrder;
using DockerLayerLsp.Analysis.Model;
using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Rules.CacheOrder;

/// <summary>
/// DLC001 — dependency install re-runs on every source change.
///
/// What it does: in one stage or the stages it builds on, finds a COPY/ADD from the build context that brings
/// more than the dependency manifests (or a RUN that bind-mounts the whole context), placed before a RUN that
/// installs dependencies — explicitly (npm ci, go mod download) or inside a build that resolves them
/// (go build, dotnet publish, cargo build, mvn package).
///
/// Why it matters: BuildKit reuses a layer only while every earlier layer is unchanged and, for COPY,
/// while the copied files are unchanged. Copying the whole source first means any edit to any file
/// invalidates the install layer, so every build downloads every dependency again.
///
/// The fix strategy comes from the ecosystem table: a dependency-only install gets
/// <see cref="MoveSourceAfterInstallFix"/>, an install that needs the source gets
/// <see cref="InsertDependencyStepFix"/> with the row's <see cref="DependencyStep"/>.
/// </summary>
public sealed partial class DependencyInstallAfterBroadCopyRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "DLC001",
        "dependency-install-after-source-copy",
        "Dependency install re-runs on every source change",
        FindingSeverity.Warning,
        new RuleDocumentation(
            WhatItDoes: "Finds a COPY or ADD that brings source files into a stage before a RUN that installs dependencies from manifests — go.mod, package.json and its lockfiles and workspaces, requirements files, Pipfile, pyproject.toml with poetry.lock or uv.lock, environment.yml, Cargo.toml, pom.xml, build.gradle, *.csproj and the projects they reference, Gemfile, composer.json, mix.exs, pubspec.yaml, Package.swift, renv.lock, stack.yaml or *.cabal. Builds that resolve dependencies themselves (go build, cargo build, dotnet build or publish without --no-restore, mvn package, gradle build) count as installs when the stage has no dependency step of its own. The stages a stage builds on count: an install in `FROM base AS deps` is reported on the source COPY in `base`, once for all the stages built on it (each install a related location). A RUN that installs, or builds, from a bind mount of the whole build context is reported too (not when its requirements install the project itself, `-e .`); a RUN that bind-mounts only the manifests is the right pattern. Local packages the manifests name (pip `-e ./libs/x`, `./libs/x` or `x @ file:///app/libs/x` — a path in the image, mapped back through the COPY that puts it there —, folders given to `--find-links` or as `file:` indexes in a requirements file or on the command line, the `pip:` section of environment.yml, a `{ path = \"libs/x\" }` dependency in Pipfile or pyproject.toml, npm `file:libs/x`) are files the install needs, and so are the go.mod of Go's local `replace` targets and uv workspace members' pyproject.toml; a requirement on the project itself (`-e .`) makes the install need the source, like `pip install .`, and is not reported. An install after the source that repeats an earlier one is fine when it only re-checks what is installed (npm install after npm ci, pip install -r again, go build after go mod download); one that starts over (a second npm ci deletes node_modules, conda env create) is reported on the source COPY between them, with both installs. With a cache mount the finding is reported at a lower severity: the downloads are cached, but the step still re-runs.",
            WhyItMatters: "A layer's cache is reused only while every layer before it is unchanged. When the whole source is copied before the install, editing any file — a README, one line of code — invalidates the install layer, and every build resolves, downloads and builds every dependency again. Copying the manifests first lets the install layer stay cached until the dependencies themselves change.",
            Example: "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /bin/app .",
            UseInstead: "FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /bin/app .",
            FixSafety: "Safe when the install reads only the manifests: the fix adds a COPY of the manifests that exist in the build context and are not excluded by .dockerignore (each at its own path, with the source COPY's --chown/--chmod/--link; none that an earlier COPY already puts at the same place), and moves the source COPY after the install; RUNs in between that do not read the source stay where they are. It is unsafe (applied only with --fix --unsafe-fixes, and not preferred in the editor) when it changes or adds commands: splitting `npm ci && npm run build` into two RUNs, adding a dependency-only step before the source for installs that need it (go mod download, dotnet restore, mvn dependency:go-offline, poetry install --no-root, uv sync --no-install-project, or --no-install-workspace for a uv workspace, composer install --no-scripts --no-autoloader, cargo fetch with stub targets), skipping package.json lifecycle scripts (the project's or a workspace member's) with --ignore-scripts, moving a RUN that may read the source after the install, or moving the install before the source when a WORKDIR between them keeps the source COPY from moving (the install then runs in its folder with cd). A split keeps the comment lines of the RUN's continuations, above the part they precede. When the source COPY cannot move, the install runs once more before the source only if running it again is cheap and keeps what it installed (npm install, pip install -r, go mod download); never for installs that start over (npm ci deletes node_modules) or refuse to (conda env create). Cargo's dependency step copies the Cargo.toml of each workspace member and path dependency (`x = { path = \"libs/x\" }`, followed through the dependencies' own manifests) and creates empty stand-ins for the targets Cargo looks for, read from each Cargo.toml ([lib], [[bin]] and other target paths) and the build context (src/lib.rs, src/main.rs). Local packages the manifests name are copied with them (only those in the build context and not excluded). Manifests the source COPY leaves out with `--exclude` are not copied either. The dependency step runs in the folder the install ran in, keeping its project arguments as written (`dotnet restore src/Api/Api.csproj`, `mvn -f web/pom.xml`, `gradle -p app`); Maven's step copies the parent POMs a module inherits from (`<relativePath>`, by default `../pom.xml`); Gradle's copies buildSrc/ and resolves the root project and each project settings.gradle(.kts) includes by a literal name; Bundler's copies the files a gemspec loads (`require_relative`, `File.read(\"VERSION\")`). No fix is offered when a gemspec loads a file whose path it computes, when the build context is unknown or the order cannot be changed without breaking the build or leaving the install to re-run after the source; when the install's paths use a build argument (`pip install -r ${APP}/requirements.txt` after `ARG APP=/srv/app`: the fix would write its default, which --build-arg can change; known ENV values are expanded and fixed); when the source COPY is in a stage the install's stage builds on (moving a COPY between stages changes every stage built on that one); for an install that starts over after an earlier one (dropping it or changing the command is the user's call: the source may bring files it needs, such as workspace members' manifests or lifecycle scripts); or for a bind mount of the whole context, where the finding names the RUN to add instead (for example `RUN --mount=type=bind,source=go.mod,target=go.mod --mount=type=bind,source=go.sum,target=go.sum go mod download`)."));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var run in stage.Instructions.OfType<RunModel>())
            {
                foreach (var (command, buildArgs) in run.Commands.Select(c => KnownVariables(c, run, context.Model.Tree.EscapeChar)))
                {
                    if (InstallCommandMatcher.Match(command) is not { } install) continue;
                    var finding = AnalyzeInstall(context, stage, run, install);
                    if (finding is not null && buildArgs.Count > 0)
                        finding = finding with
                        {
                            Message = finding.Message + $" The install's paths use the build argument{(buildArgs.Count > 1 ? "s" : "")} {string.Join(", ", buildArgs)}, which --build-arg can change: no fix is offered.",
                            Fixes = [],
                        };
                    if (finding is null) continue;
                    yield return finding;
                    break;
                }
            }
        }
    }

    private static Finding? AnalyzeInstall(RuleContext context, Stage stage, RunModel run, InstallMatch install)
    {
        var projectDirectory = install.ProjectDirectory ?? run.WorkingDirectory;
        // The stages this one builds on are part of its layers: a source COPY there invalidates the install here too.
        var copiesBefore = InheritedCopies(stage)
            .Concat(stage.Instructions.Take(run.IndexInStage).OfType<CopyModel>().Where(c => c.CopiesFromContext)).ToList();
        if (EarlierResolution(stage, run, install) is { } earlier)
            return install.Command.StartsOver ? RepeatedInstallFinding(context, run, install, projectDirectory, earlier, copiesBefore) : null;
        if (IsVendored(install, projectDirectory, copiesBefore, context.BuildContext)) return null;

        var severity = run.Mounts.Any(m => m.Type == "cache") ? context.Severity.Lower() : context.Severity;
        var contextBind = run.Mounts.FirstOrDefault(m => IsWholeContextBind(m, run, projectDirectory));
        if (contextBind is not null)
        {
            // `-e .` in the requirements: the install builds the project from the mount, like `pip install -e .`.
            var mountRoot = contextBind.Target is { } target ? ContainerPaths.Resolve(run.WorkingDirectory, target) : projectDirectory;
            if (context.BuildContext is { } buildContext && ManifestResolver.InstallsTheProjectFromContext(install, ContainerPaths.RelativeTo(projectDirectory, mountRoot), buildContext))
                return null;
            return ContextBindFinding(context, run, install, projectDirectory, contextBind, severity);
        }
        if (BindMountsManifests(run, install, projectDirectory)) return null; // the documented manifest-first pattern

        var resolution = ManifestResolver.Resolve(install, projectDirectory, copiesBefore, context.BuildContext);
        if (!resolution.HasRequired) return null; // manifests generated or from another stage: moving copies changes nothing
        if (resolution.InstallsTheProject) return null; // like `pip install .`: the install builds the project, it needs the source
        var needed = NeededPaths(install, resolution);
        var broad = copiesBefore.Where(c => CopyMapping.IsBroad(c, context.BuildContext, needed)).ToList();
        if (broad.Count == 0) return null;

        var requiredProvider = resolution.Manifests.Where(m => m.Role == ManifestRole.Required).Select(m => m.Provider).FirstOrDefault(broad.Contains);
        var reported = requiredProvider ?? broad[0];
        var toCopy = resolution.Manifests.Where(m => broad.Contains(m.Provider)).ToList();
        var manifestList = string.Join(", ", resolution.Manifests.Select(m => m.ContextPath).Distinct().Take(8))
                           + (resolution.Manifests.Count > 8 ? $" and {resolution.Manifests.Count - 8} more" : "");
        var copyText = InstructionQuote.Of(context.Model.Tree.Text.ToString(reported.Syntax.Span), context.Model.Tree.EscapeChar);
        var installLine = run.Syntax.StartLine + 1;
        var inherited = broad.Any(c => c.StageIndex != stage.Index);
        var where = inherited ? $" in {StageName(stage)}, built FROM `{stage.BaseStage!.Name}`," : "";
        var message = install.Kind == InstallKind.NeedsSource
            ? $"`{install.Shell.Text}` (line {installLine}){where} resolves {install.Ecosystem.DisplayName} dependencies after `{copyText}` brought in the source, so every source change {(severity != context.Severity ? "resolves them again" : "downloads them again")}. Copy {manifestList} first and resolve dependencies in a step of their own."
            : $"`{install.Shell.Text}` (line {installLine}){where} re-runs on every source change: `{copyText}` brings in more than the dependency manifests. Copy {manifestList} first, install, then copy the source.";
        if (inherited)
            message += $" The source COPY is on line {reported.Syntax.StartLine + 1}, in {StageName(StageOf(stage, reported))}: install there before it, or in a stage of its own. No fix is offered: moving a COPY between stages changes every stage built on them.";
        if (resolution.NoFixReason is { } noFix && !inherited)
            message += $" No fix is offered: {noFix}.";
        if (severity != context.Severity)
            message += " The downloads are in a cache mount, so they come from the cache, but the step still re-runs.";
        var neededCopies = copiesBefore.Where(c => !broad.Contains(c) && CopyMapping.IsBroad(c, context.BuildContext, _ => false)).ToList();
        if (neededCopies.Count > 0)
            message += $" Edits to the files copied on line {string.Join(", ", neededCopies.Select(c => c.Syntax.StartLine + 1))} ({string.Join(", ", neededCopies.SelectMany(c => c.Sources).Select(s => s.Path))}) re-run it too; the install needs them, so they stay before it.";

        var request = new CacheOrderFixRequest(context.Model, context.BuildContext, stage, run, install, projectDirectory, broad,
            toCopy.Select(m => new ManifestCopy(m.ContextPath, m.ContainerPath, m.IsDirectory)).ToList(), resolution.ProjectContextDirectory ?? "")
        {
            ReadManifests = [.. resolution.Manifests.Select(m => m.ContextPath)],
            InPlace = [.. AlreadyInPlace(toCopy, copiesBefore.Take(copiesBefore.IndexOf(broad[0])).ToList(), context.BuildContext)
                .Select(m => new ManifestCopy(m.ContextPath, m.ContainerPath, m.IsDirectory))],
        };
        var fixes = inherited || resolution.NoFixReason is not null ? []
            : install.Kind == InstallKind.NeedsSource
            ? install.Command.DependencyStep is { } step ? new InsertDependencyStepFix(step).Create(request) : []
            : MoveOrRepeat(request);
        return new Finding(
            Rule,
            severity,
            message,
            reported.Syntax.Span,
            [new RelatedLocation(run.Syntax.Span, $"`{install.Shell.Text}` (line {installLine}){(inherited ? $" in {StageName(stage)}" : "")} re-runs whenever any file copied by line {reported.Syntax.StartLine + 1} changes")],
            [.. fixes]);
    }

    /// <summary>
    /// The manifests a later broad COPY overwrites but an earlier COPY (one of <paramref name="earlier"/>, which all stay before
    /// the fix's new lines) already puts at the same place: <c>COPY package.json yarn.lock ./</c> before <c>COPY . .</c>. The fix
    /// must not copy them again. The last earlier COPY that places something there decides, as it does in the build.
    /// </summary>
    private static IEnumerable<ResolvedManifest> AlreadyInPlace(IEnumerable<ResolvedManifest> manifests, List<CopyModel> earlier, BuildContext.BuildContext? buildContext)
    {
        foreach (var manifest in manifests)
        {
            for (var i = earlier.Count - 1; i >= 0; i--)
            {
                var placed = manifest.IsDirectory
                    ? CopyMapping.ContextDirectoryFor(earlier[i], manifest.ContainerPath, buildContext) is { } directory ? directory + "/" : null
                    : CopyMapping.ContextPathFor(earlier[i], manifest.ContainerPath, buildContext);
                if (placed is null) continue;
                if (placed == manifest.ContextPath) yield return manifest;
                break;
            }
        }
    }

    /// <summary>
    /// The command with the ARG and ENV values known at the RUN expanded in its words (<c>pip install -r ${APP}/requirements.txt</c>),
    /// and the build arguments those values come from (directly or through an ENV). A word with an unknown value, or with a
    /// variable the RUN itself assigns, stays as written.
    /// </summary>
    private static (ShellCommand Command, IReadOnlyList<string> BuildArgs) KnownVariables(ShellCommand command, RunModel run, char escape)
    {
        if (!command.Words.Any(w => w.Contains('$'))) return (command, []);
        var buildArgs = new SortedSet<string>(StringComparer.Ordinal);
        var words = new List<string>(command.Words.Count);
        foreach (var word in command.Words)
        {
            var names = VariableReference().Matches(word).Select(m => m.Groups["name"].Value).ToList();
            var expanded = VariableExpander.Expand(word, run.Variables, escape, out var unknown);
            if (names.Count == 0 || unknown || names.Any(n => command.Environment.ContainsKey(n) || run.Syntax.ArgumentText.Contains(n + "=", StringComparison.Ordinal)))
            {
                words.Add(word);
                continue;
            }
            foreach (var name in names)
            {
                if (run.Variables.TryGetValue(name, out var variable) && (variable.IsBuildArg || variable.DefinedBy?.ArgumentText.Contains('$') == true)) buildArgs.Add(name);
            }
            words.Add(expanded);
        }
        return (command with { Words = words }, [.. buildArgs]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial System.Text.RegularExpressions.Regex VariableReference();

    /// <summary>
    /// One finding per source COPY in a base stage: the stages built on it are analysed one by one, each reporting its own
    /// install on that COPY. Fix-less findings on the same COPY become one, naming every install (each a related location).
    /// </summary>
    public IEnumerable<Finding> CombineAcrossStages(IReadOnlyList<Finding> findings)
    {
        foreach (var group in findings.GroupBy(f => (f.Span, f.Fixes.IsEmpty)))
        {
            if (!group.Key.IsEmpty || group.Count() == 1)
            {
                foreach (var finding in group) yield return finding;
                continue;
            }
            var ordered = group.OrderBy(f => f.Related.IsEmpty ? f.Span.Start : f.Related[0].Span.Start).ToList();
            var others = ordered.Skip(1).SelectMany(f => f.Related.Take(1)).Select(r => r.Message);
            yield return ordered[0] with
            {
                Severity = ordered.Min(f => f.Severity), // the enum runs from Error down
                Message = ordered[0].Message + " The same COPY also reaches: " + string.Join("; ", others) + ".",
                Related = [.. ordered.SelectMany(f => f.Related).DistinctBy(r => r.Span)],
            };
        }
    }

    /// <summary>The COPYs from the context of every stage <paramref name="stage"/> builds on, oldest stage first.</summary>
    private static IEnumerable<CopyModel> InheritedCopies(Stage stage)
    {
        var chain = new List<Stage>();
        for (var parent = stage.BaseStage; parent is not null; parent = parent.BaseStage) chain.Insert(0, parent);
        return chain.SelectMany(s => s.Instructions.OfType<CopyModel>().Where(c => c.CopiesFromContext));
    }

    /// <summary>The stage (of <paramref name="stage"/>'s chain) that holds <paramref name="copy"/>.</summary>
    private static Stage StageOf(Stage stage, CopyModel copy)
    {
        var current = stage;
        while (current.Index != copy.StageIndex && current.BaseStage is { } parent) current = parent;
        return current;
    }

    /// <summary>By name or FROM line, never by index: a model scoped to one stage numbers its stages differently.</summary>
    private static string StageName(Stage stage) => stage.Name is { } name ? $"stage `{name}`" : $"the stage on line {stage.From.StartLine + 1}";

    /// <summary>A bind mount of the whole build context (no source, or the root) at the install's project folder or above it.</summary>
    private static bool IsWholeContextBind(RunMount mount, RunModel run, string projectDirectory)
        => mount.Type == "bind" && mount.From is null && CopyMapping.CleanContextPath(mount.Source ?? ".").Length == 0
           && (mount.Target is not { } target || ContainerPaths.IsUnder(projectDirectory, ContainerPaths.Resolve(run.WorkingDirectory, target)));

    /// <summary>
    /// The install reads its manifests from a bind mount of the whole context, so its cache key is every file of it.
    /// The finding names the RUN that would take the manifests' place: the install itself (dependency-only) or the
    /// row's dependency step (a build that resolves dependencies). No fix is offered: the step is a new command, and the
    /// mounts it needs depend on where the project sits in the mount.
    /// </summary>
    private static Finding ContextBindFinding(RuleContext context, RunModel run, InstallMatch install, string projectDirectory, RunMount mount, FindingSeverity severity)
    {
        var line = run.Syntax.StartLine + 1;
        var mounts = ManifestMounts(context.BuildContext, install, projectDirectory, run, mount);
        var step = install.Kind == InstallKind.NeedsSource ? (context.BuildContext is { } buildContext ? install.Command.DependencyStep?.Command(new DependencyStepInput(install, [], buildContext)) : null) : install.Shell.Text;
        var suggestion = mounts is null || step is null ? " (--mount=type=bind,source=<manifest>,target=<manifest>)" : $": `RUN {mounts} {step}`";
        var message = install.Kind == InstallKind.NeedsSource
            ? $"`{install.Shell.Text}` (line {line}) bind-mounts the whole build context and resolves {install.Ecosystem.DisplayName} dependencies itself, so every source change {(severity != context.Severity ? "resolves them again" : "downloads them again")}. Resolve them first in a RUN of their own that bind-mounts only the manifests{suggestion}."
            : $"`{install.Shell.Text}` (line {line}) bind-mounts the whole build context, so it re-runs on every source change. Bind-mount only the manifests it reads{(mounts is null ? suggestion : $" ({mounts})")}.";
        if (severity != context.Severity)
            message += " The downloads are in a cache mount, so they come from the cache, but the step still re-runs.";
        return new Finding(Rule, severity, message, run.Syntax.Span, [], []);
    }

    /// <summary>`--mount=type=bind,source=M,target=M` for each of the row's manifests in the context, when the mount puts
    /// the context root at the install's working folder (so context paths and relative targets agree); else null.</summary>
    private static string? ManifestMounts(BuildContext.BuildContext? context, InstallMatch install, string projectDirectory, RunModel run, RunMount mount)
    {
        if (context is null || projectDirectory != run.WorkingDirectory) return null;
        if (mount.Target is { } target && ContainerPaths.Resolve(run.WorkingDirectory, target) != projectDirectory) return null;
        var files = install.Manifests.Where(m => !m.IsDirectory)
            .SelectMany(m => m.IsPattern ? context.Match(m.Name) : context.Exists(m.Name) ? [m.Name] : [])
            .Distinct().ToList();
        if (!install.Manifests.Any(m => m.Role == ManifestRole.Required && (m.IsPattern ? context.Match(m.Name).Any() : context.Exists(m.Name)))) return null;
        return string.Join(' ', files.Select(f => $"--mount=type=bind,source={f},target={f}"));
    }

    /// <summary>Moving the source after the install when the order allows it; otherwise the install before the source;
    /// otherwise, for an install that can run again cheaply, installing once before the source.</summary>
    private static IReadOnlyList<CodeFix> MoveOrRepeat(CacheOrderFixRequest request)
    {
        var moved = new MoveSourceAfterInstallFix().Create(request);
        if (moved.Count > 0) return moved;
        var install = new MoveInstallBeforeSourceFix().Create(request);
        return install.Count > 0 ? install : new InsertDependencyStepFix(new RepeatCommand()).Create(request);
    }

    /// <summary>Files a COPY may bring before the install without being a source copy: the manifests,
    /// the row's support folders (config/, patches/) and workspace members' folders.</summary>
    private static Func<string, bool> NeededPaths(InstallMatch install, ManifestResolver.Result resolution)
    {
        var root = resolution.ProjectContextDirectory;
        var exact = resolution.Manifests.Select(m => m.ContextPath).ToHashSet(StringComparer.Ordinal);
        var prefixes = resolution.Manifests.Where(m => m.IsDirectory).Select(m => m.ContextPath)
            .Concat(root is null ? [] : install.Ecosystem.SupportPaths.Select(s => (root.Length == 0 ? "" : root + "/") + s + "/"))
            .Concat(resolution.Manifests.Where(m => m.Role == ManifestRole.Config && m.ContextPath.EndsWith("/package.json", StringComparison.Ordinal))
                .Select(m => m.ContextPath[..^"package.json".Length]))
            .ToList();
        return path => exact.Contains(path) || prefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>The latest earlier RUN of the stage (or of the stages it builds on) that already resolved this ecosystem's
    /// dependencies: this one is the second, project-only step (uv sync after uv sync --no-install-project, go build after
    /// go mod download) or a re-check (npm install after npm ci); null when there is none.</summary>
    private static RunModel? EarlierResolution(Stage stage, RunModel run, InstallMatch install)
    {
        var current = stage;
        var limit = run.IndexInStage;
        while (true)
        {
            var earlier = current.Instructions.Take(limit).OfType<RunModel>()
                .LastOrDefault(r => r.Commands.Select(InstallCommandMatcher.Match).Any(m => m is not null && m.Ecosystem == install.Ecosystem));
            if (earlier is not null) return earlier;
            if (current.BaseStage is not { } parent) return null;
            current = parent;
            limit = current.Instructions.Length;
        }
    }

    /// <summary>
    /// An install that starts over (npm ci deletes node_modules) repeated after a source COPY, though <paramref name="earlier"/>
    /// already installed the dependencies before it: the repeat downloads everything again on every source change.
    /// Reported on the source COPY between the two, with both installs related. No fix: whether the repeat is
    /// needed (workspace members' manifests or lifecycle scripts that arrive with the source) cannot be told from the
    /// Dockerfile, and dropping or changing a command is the user's call.
    /// </summary>
    private static Finding? RepeatedInstallFinding(RuleContext context, RunModel run, InstallMatch install, string projectDirectory, RunModel earlier, List<CopyModel> copiesBefore)
    {
        var resolution = ManifestResolver.Resolve(install, projectDirectory, copiesBefore, context.BuildContext);
        if (!resolution.HasRequired || resolution.InstallsTheProject) return null;
        var needed = NeededPaths(install, resolution);
        var broad = copiesBefore.Where(c => c.Syntax.Span.Start > earlier.Syntax.Span.Start && CopyMapping.IsBroad(c, context.BuildContext, needed)).ToList();
        if (broad.Count == 0) return null;

        var reported = broad[0];
        var copyLine = reported.Syntax.StartLine + 1;
        var earlierLine = earlier.Syntax.StartLine + 1;
        var copyText = InstructionQuote.Of(context.Model.Tree.Text.ToString(reported.Syntax.Span), context.Model.Tree.EscapeChar);
        var severity = run.Mounts.Any(m => m.Type == "cache") ? context.Severity.Lower() : context.Severity;
        var message = $"`{install.Shell.Text}` (line {run.Syntax.StartLine + 1}) installs the {install.Ecosystem.DisplayName} dependencies again from nothing after `{copyText}` brought in the source, though line {earlierLine} already installed them: every source change downloads them all again. "
                      + "Drop the repeated install, or use one that keeps what is installed. No fix is offered: whether the source brings something it needs (workspace members' manifests, lifecycle scripts) cannot be told from the Dockerfile.";
        if (severity != context.Severity)
            message += " The downloads are in a cache mount, so they come from the cache, but the step still re-runs.";
        return new Finding(
            Rule,
            severity,
            message,
            reported.Syntax.Span,
            [
                new RelatedLocation(run.Syntax.Span, $"`{install.Shell.Text}` (line {run.Syntax.StartLine + 1}) starts over whenever any file copied by line {copyLine} changes"),
                new RelatedLocation(earlier.Syntax.Span, "The dependencies were already installed here, before the source"),
            ],
            []);
    }

    /// <summary>A bind mount (from the context) puts a required manifest, or a folder holding the project, where the install reads it.</summary>
    private static bool BindMountsManifests(RunModel run, InstallMatch install, string projectDirectory)
    {
        var required = install.Manifests.Where(m => m.Role == ManifestRole.Required && !m.IsPattern).Select(m => ContainerPaths.Resolve(projectDirectory, m.Name)).ToList();
        foreach (var mount in run.Mounts.Where(m => m.Type == "bind" && m.From is null))
        {
            if (mount.Target is not { } target) continue;
            var path = ContainerPaths.Resolve(run.WorkingDirectory, target);
            if (required.Contains(path) || ContainerPaths.IsUnder(projectDirectory, path)) return true;
            if (install.Manifests.Any(m => m.IsPattern) && ContainerPaths.IsUnder(path, projectDirectory)) return true;
        }
        return false;
    }

    private static bool IsVendored(InstallMatch install, string projectDirectory, List<CopyModel> copiesBefore, BuildContext.BuildContext? context)
    {
        if (install.Ecosystem.VendorMarker is not { } marker) return false;
        var containerPath = ContainerPaths.Resolve(projectDirectory, marker);
        return copiesBefore.Any(c => CopyMapping.ContextPathFor(c, containerPath, context) is not null);
    }

}
