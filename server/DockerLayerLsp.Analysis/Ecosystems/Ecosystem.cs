using DockerLayerLsp.Analysis.Fixes.CacheOrder;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>How a manifest file matters to an install.</summary>
public enum ManifestRole
{
    /// <summary>The install cannot run without it; when a row lists several, at least one must be there (go.mod, *.csproj, build.gradle or build.gradle.kts).</summary>
    Required,
    /// <summary>Pins versions; copied when it exists (go.sum, package-lock.json).</summary>
    Lockfile,
    /// <summary>Configures the package manager or build; copied when it exists (.npmrc, .mvn/, Directory.Build.props).</summary>
    Config,
}

/// <summary>
/// A file an ecosystem's install reads, named relative to the project directory. A name with '*' is a
/// pattern within that directory (<c>*.csproj</c>); a name ending in '/' is a whole folder (<c>.mvn/</c>).
/// </summary>
public sealed record ManifestFile(string Name, ManifestRole Role)
{
    public bool IsPattern => Name.Contains('*');
    public bool IsDirectory => Name.EndsWith('/');
}

/// <summary>What a matched command's arguments mean for the manifests it reads.</summary>
public enum ArgumentPolicy
{
    /// <summary>Any arguments: the command always installs from the manifests (npm ci, go mod download).</summary>
    Any,
    /// <summary>Only flags: positional arguments name packages to add instead (npm install express).</summary>
    FlagsOnly,
    /// <summary>The manifests are the files given by requirement flags (pip install -r FILE).</summary>
    RequirementFiles,
    /// <summary>The manifests are the positional arguments (pip-sync requirements.txt).</summary>
    PositionalFiles,
    /// <summary>An optional positional argument names the project or solution file (dotnet restore app.csproj).</summary>
    ProjectFile,
}

/// <summary>What the command needs besides the manifests.</summary>
public enum InstallKind
{
    /// <summary>Reads only the manifests: it can run before the source is copied (npm ci, go mod download).</summary>
    DependenciesOnly,
    /// <summary>Resolves dependencies but also needs the source: a build with implicit restore (go build,
    /// dotnet publish, cargo build, mvn package) or an install that includes the project (poetry install, uv sync).
    /// Its fix adds a dependency-only step before the source.</summary>
    NeedsSource,
}

/// <summary>
/// A command shape that installs dependencies: the program (any path, any <c>python -m</c> spelling and
/// wrapper such as <c>./gradlew</c> is normalised before matching) followed by <see cref="Subcommand"/> words.
/// </summary>
public sealed record InstallCommand(string Program, IReadOnlyList<string> Subcommand, ArgumentPolicy Arguments)
{
    /// <summary>Flags that mean the command is something else (npm install -g, dotnet build --no-restore).</summary>
    public IReadOnlyList<string> DisqualifyingFlags { get; init; } = [];

    public InstallKind Kind { get; init; } = InstallKind.DependenciesOnly;

    /// <summary>Running it again once the dependencies are installed only checks them and keeps them (npm install,
    /// pip install -r, go mod download). False when it starts over (npm ci deletes node_modules) or refuses (conda env
    /// create on an existing environment): then a fix may not leave it running a second time after the source.</summary>
    public bool Idempotent { get; init; }

    /// <summary>A dependency-only install that is not <see cref="Idempotent"/>: run a second time it installs everything
    /// again from nothing (npm ci) or fails, instead of re-checking what the first run installed.</summary>
    public bool StartsOver => Kind == InstallKind.DependenciesOnly && !Idempotent;

    /// <summary>Words (flags or goals, anywhere in the arguments) that make a <see cref="InstallKind.NeedsSource"/>
    /// command dependency-only (poetry install --no-root, mvn dependency:go-offline).</summary>
    public IReadOnlyList<string> DependenciesOnlyWords { get; init; } = [];

    /// <summary>Flags whose value is the project directory (npm --prefix, pnpm -C, uv --project, composer --working-dir).</summary>
    public IReadOnlyList<string> DirectoryFlags { get; init; } = [];

    /// <summary>Flags that take a value as the next word (so it is not a package name or project argument).</summary>
    public IReadOnlyList<string> ValueFlags { get; init; } = [];

    /// <summary>Flags whose value is the manifest file itself (cargo --manifest-path, mvn -f, conda -f).</summary>
    public IReadOnlyList<string> ManifestFlags { get; init; } = [];

    /// <summary>Manifest read when <see cref="ManifestFlags"/> are absent and the row lists none (conda's environment.yml).</summary>
    public string? DefaultManifest { get; init; }

    /// <summary>A fragment that, in any positional argument, means the command is something else
    /// (<c>go install tool@latest</c> ignores the project's go.mod).</summary>
    public string? DisqualifyingFragment { get; init; }

    /// <summary>A prefix every positional argument must have (<c>mix do deps.get, deps.compile</c> but not <c>mix do deps.get, compile</c>).</summary>
    public string? PositionalPrefix { get; init; }

    /// <summary>A fragment one argument must contain (R's <c>Rscript -e 'renv::restore()'</c>).</summary>
    public string? RequiredFragment { get; init; }

    /// <summary>How to turn a <see cref="InstallKind.NeedsSource"/> command into a dependency-only step that can run
    /// before the source is copied; null when there is none (then no fix is offered).</summary>
    public DependencyStep? DependencyStep { get; init; }

    public string Display => string.Join(' ', new[] { Program }.Concat(Subcommand));
}

/// <summary>
/// One package ecosystem: the files its dependency install reads, the commands that install, and how a
/// finding about it is fixed.
/// </summary>
public sealed record Ecosystem(
    string Id,
    string DisplayName,
    IReadOnlyList<ManifestFile> Manifests,
    IReadOnlyList<InstallCommand> Installs)
{
    /// <summary>Folders an install may legitimately need besides manifests (Elixir's config/, pnpm's patches/):
    /// copying them before the install is not a source copy.</summary>
    public IReadOnlyList<string> SupportPaths { get; init; } = [];

    /// <summary>Read manifest content to find more manifests (workspace members, project references, -r includes), in order:
    /// each sees the manifests the ones before it found (Cargo's path dependencies of workspace members).</summary>
    public IReadOnlyList<ManifestDiscovery> Discoveries { get; init; } = [];

    /// <summary>A context file (relative to the project) whose presence means dependencies are vendored: nothing to install.</summary>
    public string? VendorMarker { get; init; }

    /// <summary>Command words meaning "use the vendored copy" (go build -mod=vendor).</summary>
    public IReadOnlyList<string> VendorFlags { get; init; } = [];

    /// <summary>Manifest files whose install scripts may need the source (package.json lifecycle scripts).</summary>
    public LifecycleScripts? LifecycleScripts { get; init; }

    public IEnumerable<ManifestFile> RequiredManifests => Manifests.Where(m => m.Role == ManifestRole.Required);
}
