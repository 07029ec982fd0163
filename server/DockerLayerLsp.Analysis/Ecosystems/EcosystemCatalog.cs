using DockerLayerLsp.Analysis.Fixes.CacheOrder;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>
/// The declarative table of package ecosystems: manifests, install commands, and the fix each install
/// gets. Adding an ecosystem means adding a row here; no rule code mentions a package manager by name.
/// </summary>
public static class EcosystemCatalog
{
    private static readonly string[] GlobalInstall = ["-g", "--global", "--location=global"];

    /// <summary>Flags of the package managers that take the next word as their value.</summary>
    private static readonly Dictionary<string, string[]> ValueFlags = new(StringComparer.Ordinal)
    {
        ["npm"] = ["--omit", "--include", "--loglevel", "--registry", "--cache", "--userconfig", "--workspace", "-w", "--fetch-timeout", "--fetch-retries"],
        ["yarn"] = ["--network-timeout", "--cache-folder", "--modules-folder", "--mutex", "--registry", "--network-concurrency", "--mode"],
        ["pnpm"] = ["--filter", "-F", "--store-dir", "--reporter", "--registry", "--config.store-dir", "--network-concurrency", "--child-concurrency"],
        ["bun"] = ["--backend", "--cache-dir", "--registry", "--filter"],
        ["pip"] = ["-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--target", "-t", "--prefix", "--root", "--trusted-host", "--platform", "--python-version", "--only-binary", "--no-binary", "--timeout", "--retries", "--cache-dir", "--src", "--progress-bar", "--upgrade-strategy", "--abi", "--implementation"],
        ["uv"] = ["-i", "--index-url", "--extra-index-url", "--python", "-p", "--target", "--prefix", "--extra", "--group", "--only-group", "--no-group", "--index", "--find-links", "--cache-dir", "--compile-bytecode-timeout"],
        ["poetry"] = ["--only", "--with", "--without", "-E", "--extras"],
        ["pipenv"] = ["--python", "--categories"],
        ["dotnet"] = ["-c", "--configuration", "-o", "--output", "-f", "--framework", "-r", "--runtime", "-a", "--arch", "--os", "-v", "--verbosity", "-s", "--source", "--packages", "--configfile", "--self-contained", "--version-suffix", "-bl", "--property"],
        ["bundle"] = ["--jobs", "-j", "--retry", "--path", "--without", "--with", "--gemfile"],
        ["composer"] = ["--prefer-install"],
        ["mix"] = ["--only"],
        ["go"] = ["-o", "-ldflags", "-gcflags", "-tags", "-p", "-mod", "-modfile", "-trimpath", "-buildvcs", "-C", "-exec", "-run", "-timeout"],
        ["cargo"] = ["--target", "--bin", "--features", "-F", "--profile", "-p", "--package", "-j", "--jobs", "--target-dir", "--root", "--path", "--config"],
    };

    private static InstallCommand Cmd(string program, string subcommand, ArgumentPolicy policy = ArgumentPolicy.Any)
        => new(program, subcommand.Length == 0 ? [] : subcommand.Split(' '), policy) { ValueFlags = ValueFlags.GetValueOrDefault(program) ?? [] };

    /// <summary>A command that, run again with its dependencies in place, only checks and keeps them (see <see cref="InstallCommand.Idempotent"/>).</summary>
    private static InstallCommand Again(InstallCommand command) => command with { Idempotent = true };

    private static ManifestFile Required(string name) => new(name, ManifestRole.Required);
    private static ManifestFile Lock(string name) => new(name, ManifestRole.Lockfile);
    private static ManifestFile Config(string name) => new(name, ManifestRole.Config);

    // ---------------------------------------------------------------- Go
    public static readonly Ecosystem GoModules = new(
        "go", "Go module",
        [Required("go.mod"), Lock("go.sum"), Required("go.work"), Lock("go.work.sum")],
        [
            Again(Cmd("go", "mod download")),
            .. new[] { "build", "test", "install", "run", "vet" }.Select(verb => Cmd("go", verb) with
            {
                Kind = InstallKind.NeedsSource,
                DisqualifyingFragment = "@",
                DependencyStep = new ReplaceCommand("go mod download"),
            }),
        ])
    {
        Discoveries = [new GoWorkspaceModules(), new GoReplaceTargets()],
        VendorMarker = "vendor/modules.txt",
        VendorFlags = ["-mod=vendor"],
    };

    // ---------------------------------------------------------------- Node
    private static readonly LifecycleScripts PackageJsonScripts = new("package.json", ["preinstall", "install", "postinstall", "prepare"], "--ignore-scripts");
    private static readonly string[] NodeSupport = ["patches", ".yarn/patches", ".pnpm-patches", "scripts"];

    public static readonly Ecosystem Npm = new(
        "npm", "npm",
        [Required("package.json"), Lock("package-lock.json"), Lock("npm-shrinkwrap.json"), Config(".npmrc")],
        [
            // npm ci deletes node_modules before installing: never run it twice.
            Cmd("npm", "ci") with { DirectoryFlags = ["--prefix"] },
            Again(Cmd("npm", "install", ArgumentPolicy.FlagsOnly) with { DisqualifyingFlags = GlobalInstall, DirectoryFlags = ["--prefix"] }),
            Again(Cmd("npm", "i", ArgumentPolicy.FlagsOnly) with { DisqualifyingFlags = GlobalInstall, DirectoryFlags = ["--prefix"] }),
        ])
    { Discoveries = [new NodeWorkspaceMembers()], SupportPaths = NodeSupport, LifecycleScripts = PackageJsonScripts };

    public static readonly Ecosystem Yarn = new(
        "yarn", "Yarn",
        [Required("package.json"), Lock("yarn.lock"), Config(".yarnrc"), Config(".yarnrc.yml"), Config(".npmrc"), Config(".yarn/releases/"), Config(".yarn/plugins/"), Config(".yarn/sdks/")],
        [
            Again(Cmd("yarn", "install", ArgumentPolicy.FlagsOnly) with { DirectoryFlags = ["--cwd"] }),
            Again(Cmd("yarn", "workspaces focus") with { DirectoryFlags = ["--cwd"] }),
            Again(Cmd("yarn", "", ArgumentPolicy.FlagsOnly) with { DirectoryFlags = ["--cwd"] }),
        ])
    { Discoveries = [new NodeWorkspaceMembers()], SupportPaths = NodeSupport, LifecycleScripts = PackageJsonScripts };

    public static readonly Ecosystem Pnpm = new(
        "pnpm", "pnpm",
        [Required("package.json"), Lock("pnpm-lock.yaml"), Config("pnpm-workspace.yaml"), Config(".npmrc"), Config(".pnpmfile.cjs")],
        [
            Again(Cmd("pnpm", "install", ArgumentPolicy.FlagsOnly) with { DisqualifyingFlags = GlobalInstall, DirectoryFlags = ["-C", "--dir"] }),
            Again(Cmd("pnpm", "i", ArgumentPolicy.FlagsOnly) with { DisqualifyingFlags = GlobalInstall, DirectoryFlags = ["-C", "--dir"] }),
            Again(Cmd("pnpm", "fetch", ArgumentPolicy.FlagsOnly) with { DirectoryFlags = ["-C", "--dir"] }),
        ])
    { Discoveries = [new NodeWorkspaceMembers()], SupportPaths = NodeSupport, LifecycleScripts = PackageJsonScripts };

    public static readonly Ecosystem Bun = new(
        "bun", "Bun",
        [Required("package.json"), Lock("bun.lock"), Lock("bun.lockb"), Config("bunfig.toml"), Config(".npmrc")],
        [
            Again(Cmd("bun", "install", ArgumentPolicy.FlagsOnly) with { DisqualifyingFlags = GlobalInstall, DirectoryFlags = ["--cwd"] }),
            Again(Cmd("bun", "i", ArgumentPolicy.FlagsOnly) with { DisqualifyingFlags = GlobalInstall, DirectoryFlags = ["--cwd"] }),
        ])
    { Discoveries = [new NodeWorkspaceMembers()], SupportPaths = NodeSupport, LifecycleScripts = PackageJsonScripts };

    // ---------------------------------------------------------------- Python
    /// <summary>pip's manifests are whatever <c>-r</c>/<c>-c</c> name (and the files those include).</summary>
    public static readonly Ecosystem Pip = new(
        "pip", "pip",
        [],
        [
            Again(Cmd("pip", "install", ArgumentPolicy.RequirementFiles)),
            Again(Cmd("uv", "pip install", ArgumentPolicy.RequirementFiles)),
            Again(Cmd("pip-sync", "", ArgumentPolicy.PositionalFiles) with { DefaultManifest = "requirements.txt" }),
            Again(Cmd("uv", "pip sync", ArgumentPolicy.PositionalFiles)),
        ])
    { Discoveries = [new RequirementIncludes()] };

    public static readonly Ecosystem Pipenv = new(
        "pipenv", "Pipenv",
        [Required("Pipfile"), Lock("Pipfile.lock")],
        [Again(Cmd("pipenv", "install", ArgumentPolicy.FlagsOnly)), Again(Cmd("pipenv", "sync", ArgumentPolicy.FlagsOnly))])
    { Discoveries = [new TomlPathDependencies("Pipfile")] };

    public static readonly Ecosystem Poetry = new(
        "poetry", "Poetry",
        [Required("pyproject.toml"), Lock("poetry.lock"), Config("poetry.toml")],
        [
            .. new[] { "install", "sync" }.Select(verb => Cmd("poetry", verb, ArgumentPolicy.FlagsOnly) with
            {
                DisqualifyingFlags = ["--only-root"],
                Kind = InstallKind.NeedsSource,
                DependenciesOnlyWords = ["--no-root"],
                DirectoryFlags = ["--directory", "-C"],
                DependencyStep = new AddFlags("--no-root"),
            }),
        ])
    { Discoveries = [new TomlPathDependencies("pyproject.toml")] };

    public static readonly Ecosystem Uv = new(
        "uv", "uv",
        [Required("pyproject.toml"), Lock("uv.lock"), Config("uv.toml"), Config(".python-version")],
        [
            Cmd("uv", "sync", ArgumentPolicy.FlagsOnly) with
            {
                DisqualifyingFlags = ["--only-install-project", "--only-install-workspace"],
                Kind = InstallKind.NeedsSource,
                DependenciesOnlyWords = ["--no-install-project", "--no-install-workspace"],
                DirectoryFlags = ["--project", "--directory"],
                // With workspace members, --no-install-project would still install the members, whose source is not there yet.
                DependencyStep = new AddFlags("--no-install-project") { InWorkspace = ["--no-install-workspace"] },
            },
        ])
    { Discoveries = [new UvWorkspaceMembers(), new TomlPathDependencies("pyproject.toml")] };

    public static readonly Ecosystem Conda = new(
        "conda", "conda",
        [],
        [
            .. new[] { "conda", "mamba", "micromamba" }.SelectMany(program => new[]
            {
                // Creating an environment that exists fails (or asks): only update and install can run again.
                Cmd(program, "env create") with { ManifestFlags = ["-f", "--file"], DefaultManifest = "environment.yml" },
                Again(Cmd(program, "env update") with { ManifestFlags = ["-f", "--file"], DefaultManifest = "environment.yml" }),
                Cmd(program, "create") with { ManifestFlags = ["-f", "--file"] },
                Again(Cmd(program, "install") with { ManifestFlags = ["-f", "--file"] }),
            }),
        ])
    { Discoveries = [new CondaPipEntries()] };

    // ---------------------------------------------------------------- Rust
    public static readonly Ecosystem Cargo = new(
        "cargo", "Cargo",
        [Required("Cargo.toml"), Lock("Cargo.lock"), Config(".cargo/config.toml"), Config(".cargo/config"), Config("rust-toolchain.toml"), Config("rust-toolchain")],
        [
            Again(Cmd("cargo", "chef cook") with { ManifestFlags = ["--recipe-path"], DefaultManifest = "recipe.json" }),
            .. new[] { "fetch", "build", "test", "install", "run", "check", "clippy", "doc" }.Select(verb => Cmd("cargo", verb) with
            {
                Kind = InstallKind.NeedsSource,
                ManifestFlags = ["--manifest-path"],
                DisqualifyingFlags = ["--offline", "--frozen"],
                // `cargo install ripgrep` installs a crate from the registry; only `cargo install --path` builds the project.
                RequiredFragment = verb == "install" ? "--path" : null,
                DependencyStep = new StubCargoTargets(),
            }),
        ])
    { Discoveries = [new CargoWorkspaceMembers(), new CargoPathDependencies()] };

    // ---------------------------------------------------------------- JVM
    private static readonly string[] MavenDependencyGoals =
        ["dependency:go-offline", "dependency:resolve", "dependency:resolve-plugins", "de.qaware.maven:go-offline-maven-plugin:resolve-dependencies"];

    public static readonly Ecosystem Maven = new(
        "maven", "Maven",
        [Required("pom.xml"), Config(".mvn/"), Config("mvnw"), Config("settings.xml")],
        [
            Cmd("mvn", "") with
            {
                Kind = InstallKind.NeedsSource,
                DependenciesOnlyWords = MavenDependencyGoals,
                ManifestFlags = ["-f", "--file"],
                DisqualifyingFlags = ["-o", "--offline", "-v", "--version", "-h", "--help"],
                DependencyStep = new ReplaceCommand("{program} -B dependency:go-offline", ["-f", "--file"]),
            },
        ])
    { Discoveries = [new MavenModules()] };

    public static readonly Ecosystem Gradle = new(
        "gradle", "Gradle",
        [
            Required("build.gradle"), Required("build.gradle.kts"), Required("settings.gradle"), Required("settings.gradle.kts"),
            // buildSrc/ is build logic (convention plugins the build scripts apply), needed to configure any project.
            Config("gradle.properties"), Config("gradle/"), Config("gradlew"), Config("buildSrc/"),
        ],
        [
            Cmd("gradle", "") with
            {
                Kind = InstallKind.NeedsSource,
                DependenciesOnlyWords = ["dependencies", "downloadDependencies", "resolveDependencies", "--write-locks"],
                DirectoryFlags = ["-p", "--project-dir"],
                DisqualifyingFlags = ["--offline", "-v", "--version", "-h", "--help", "--stop"],
                DependencyStep = new ResolveGradleProjects("{program} {tasks} --no-daemon", ["-p", "--project-dir"]),
            },
        ])
    { Discoveries = [new GradleBuildScripts()] };

    // ---------------------------------------------------------------- .NET
    private static readonly string[] DotnetCarried = ["-r", "--runtime", "-a", "--arch", "--os", "-s", "--source", "--configfile", "--locked-mode"];

    public static readonly Ecosystem DotNet = new(
        "dotnet", ".NET (NuGet)",
        [
            Required("*.csproj"), Required("*.fsproj"), Required("*.vbproj"), Required("*.sln"), Required("*.slnx"),
            Lock("packages.lock.json"), Config("global.json"),
        ],
        [
            Again(Cmd("dotnet", "restore", ArgumentPolicy.ProjectFile)),
            .. new[] { "build", "publish", "test", "run", "pack" }.Select(verb => Cmd("dotnet", verb, ArgumentPolicy.ProjectFile) with
            {
                Kind = InstallKind.NeedsSource,
                DisqualifyingFlags = ["--no-restore", "--no-build"],
                DependencyStep = new ReplaceCommand("dotnet restore{project}", DotnetCarried),
            }),
        ])
    { Discoveries = [new DotnetProjectGraph()] };

    // ---------------------------------------------------------------- Other languages
    public static readonly Ecosystem Bundler = new(
        "bundler", "Bundler",
        [Required("Gemfile"), Lock("Gemfile.lock"), Config(".bundle/config"), Required("gems.rb"), Lock("gems.locked")],
        [Again(Cmd("bundle", "install", ArgumentPolicy.FlagsOnly)), Again(Cmd("bundle", "", ArgumentPolicy.FlagsOnly))])
    { Discoveries = [new GemspecFiles()], SupportPaths = ["vendor/gems", "vendor/cache"] };

    public static readonly Ecosystem Composer = new(
        "composer", "Composer",
        [Required("composer.json"), Lock("composer.lock"), Config("auth.json")],
        [
            Cmd("composer", "install", ArgumentPolicy.FlagsOnly) with
            {
                Kind = InstallKind.NeedsSource,
                DependenciesOnlyWords = ["--no-scripts"],
                DirectoryFlags = ["--working-dir", "-d"],
                DependencyStep = new AddFlags("--no-scripts", "--no-autoloader"),
            },
        ]);

    public static readonly Ecosystem Mix = new(
        "mix", "Mix (Elixir)",
        [Required("mix.exs"), Lock("mix.lock"), Config("config/")],
        [
            Again(Cmd("mix", "deps.get")), Again(Cmd("mix", "deps.compile")),
            Again(Cmd("mix", "do deps.get") with { PositionalPrefix = "deps." }), Again(Cmd("mix", "do deps.compile") with { PositionalPrefix = "deps." }),
        ])
    { SupportPaths = ["config"] };

    public static readonly Ecosystem Pub = new(
        "pub", "Dart/Flutter pub",
        [Required("pubspec.yaml"), Lock("pubspec.lock"), Config("analysis_options.yaml")],
        [.. new[] { Cmd("dart", "pub get"), Cmd("flutter", "pub get"), Cmd("pub", "get"), Cmd("dart", "pub upgrade"), Cmd("flutter", "pub upgrade") }.Select(Again)]);

    public static readonly Ecosystem SwiftPm = new(
        "swiftpm", "Swift Package Manager",
        [Required("Package.swift"), Lock("Package.resolved")],
        [
            Again(Cmd("swift", "package resolve")),
            Cmd("swift", "build") with { Kind = InstallKind.NeedsSource, DependencyStep = new ReplaceCommand("swift package resolve") },
        ]);

    public static readonly Ecosystem Renv = new(
        "renv", "R (renv)",
        [Required("renv.lock"), Config(".Rprofile"), Config("renv/activate.R"), Config("renv/settings.json")],
        [Again(Cmd("Rscript", "") with { RequiredFragment = "renv::restore" }), Again(Cmd("R", "") with { RequiredFragment = "renv::restore" })]);

    public static readonly Ecosystem Stack = new(
        "stack", "Haskell Stack",
        [Required("stack.yaml"), Lock("stack.yaml.lock"), Config("package.yaml"), Config("*.cabal")],
        [
            Cmd("stack", "build") with
            {
                Kind = InstallKind.NeedsSource,
                DependenciesOnlyWords = ["--only-dependencies"],
                DependencyStep = new AddFlags("--only-dependencies"),
            },
            Cmd("stack", "install") with { Kind = InstallKind.NeedsSource, DependenciesOnlyWords = ["--only-dependencies"], DependencyStep = new AddFlags("--only-dependencies") },
        ]);

    public static readonly Ecosystem Cabal = new(
        "cabal", "Haskell Cabal",
        [Required("*.cabal"), Required("cabal.project"), Lock("cabal.project.freeze"), Config("cabal.project.local")],
        [
            .. new[] { "build", "v2-build", "install", "v2-install" }.Select(verb => Cmd("cabal", verb) with
            {
                Kind = InstallKind.NeedsSource,
                DependenciesOnlyWords = ["--only-dependencies"],
                DependencyStep = new AddFlags("--only-dependencies"),
            }),
        ]);

    public static IReadOnlyList<Ecosystem> All { get; } =
    [
        GoModules, Npm, Yarn, Pnpm, Bun, Pip, Pipenv, Poetry, Uv, Conda, Cargo, Maven, Gradle, DotNet,
        Bundler, Composer, Mix, Pub, SwiftPm, Renv, Stack, Cabal,
    ];

    /// <summary>Programs spelled differently on the command line, mapped to the name the table uses.</summary>
    public static IReadOnlyDictionary<string, string> ProgramAliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["gradlew"] = "gradle", ["gradlew.bat"] = "gradle", ["mvnw"] = "mvn", ["mvnw.cmd"] = "mvn", ["yarnpkg"] = "yarn",
        ["composer.phar"] = "composer", ["pipenv"] = "pipenv", ["bundler"] = "bundle", ["dotnet.exe"] = "dotnet",
    };

    /// <summary>Every fixed manifest file name any ecosystem knows; a COPY bringing only manifests is not broad.</summary>
    public static IReadOnlySet<string> ManifestNames { get; } =
        All.SelectMany(e => e.Manifests).Where(m => !m.IsPattern && !m.IsDirectory).Select(m => m.Name[(m.Name.LastIndexOf('/') + 1)..])
            .Concat(["recipe.json", "environment.yml", "environment.yaml", "setup.py", "setup.cfg", "Directory.Build.props", "Directory.Build.targets",
                "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config", ".ruby-version", ".node-version", ".nvmrc", ".tool-versions"])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Flags of <c>pip install</c> whose value is a requirements or constraints file.</summary>
    public static IReadOnlyList<string> RequirementFlags { get; } = ["-r", "--requirement", "-c", "--constraint"];

    private static readonly string[] ManifestExtensions = [".csproj", ".fsproj", ".vbproj", ".sln", ".slnx", ".gemspec", ".cabal", ".gradle", ".gradle.kts"];

    /// <summary>True for file names that hold dependency lists even when no table row names them exactly.</summary>
    public static bool LooksLikeManifest(string fileName)
        => ManifestNames.Contains(fileName)
           || ManifestExtensions.Any(e => fileName.EndsWith(e, StringComparison.Ordinal))
           || (fileName.StartsWith("requirements", StringComparison.Ordinal) && (fileName.EndsWith(".txt", StringComparison.Ordinal) || fileName.EndsWith(".in", StringComparison.Ordinal)))
           || (fileName.StartsWith("constraints", StringComparison.Ordinal) && fileName.EndsWith(".txt", StringComparison.Ordinal));

    /// <summary>True for context paths inside manifest folders (.mvn/, gradle/, .yarn/releases/).</summary>
    public static bool IsInManifestDirectory(string contextPath)
        => All.SelectMany(e => e.Manifests).Where(m => m.IsDirectory).Any(m => ("/" + contextPath).Contains("/" + m.Name, StringComparison.Ordinal));
}
