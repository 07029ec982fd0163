namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>
/// The declarative table of package ecosystems. Adding an ecosystem means adding a row here (and,
/// where its fix differs, a fix strategy); no rule code mentions a package manager by name.
/// </summary>
public static class EcosystemCatalog
{
    private static readonly string[] None = [];
    private static readonly string[] GlobalInstall = ["-g", "--global", "--location=global"];

    private static InstallCommand Cmd(string program, string subcommand, ArgumentPolicy policy = ArgumentPolicy.Any, string[]? disqualifying = null)
        => new(program, subcommand.Length == 0 ? [] : subcommand.Split(' '), policy, disqualifying ?? None);

    public static readonly Ecosystem GoModules = new(
        "go", "Go modules",
        [new("go.mod", ManifestRole.Required), new("go.sum", ManifestRole.Lockfile), new("go.work", ManifestRole.Config), new("go.work.sum", ManifestRole.Lockfile)],
        [Cmd("go", "mod download")]);

    public static readonly Ecosystem Npm = new(
        "npm", "npm",
        [new("package.json", ManifestRole.Required), new("package-lock.json", ManifestRole.Lockfile), new("npm-shrinkwrap.json", ManifestRole.Lockfile), new(".npmrc", ManifestRole.Config)],
        [Cmd("npm", "ci"), Cmd("npm", "install", ArgumentPolicy.FlagsOnly, GlobalInstall), Cmd("npm", "i", ArgumentPolicy.FlagsOnly, GlobalInstall)]);

    public static readonly Ecosystem Yarn = new(
        "yarn", "Yarn",
        [new("package.json", ManifestRole.Required), new("yarn.lock", ManifestRole.Lockfile), new(".yarnrc", ManifestRole.Config), new(".yarnrc.yml", ManifestRole.Config), new(".npmrc", ManifestRole.Config)],
        [Cmd("yarn", "install", ArgumentPolicy.FlagsOnly), Cmd("yarn", "", ArgumentPolicy.FlagsOnly)]);

    public static readonly Ecosystem Pnpm = new(
        "pnpm", "pnpm",
        [new("package.json", ManifestRole.Required), new("pnpm-lock.yaml", ManifestRole.Lockfile), new("pnpm-workspace.yaml", ManifestRole.Config), new(".npmrc", ManifestRole.Config)],
        [Cmd("pnpm", "install", ArgumentPolicy.FlagsOnly, GlobalInstall), Cmd("pnpm", "i", ArgumentPolicy.FlagsOnly, GlobalInstall), Cmd("pnpm", "fetch", ArgumentPolicy.FlagsOnly)]);

    /// <summary>pip's manifests are whatever <c>-r</c>/<c>-c</c> name, so the table lists none of its own.</summary>
    public static readonly Ecosystem Pip = new(
        "pip", "pip",
        [],
        [Cmd("pip", "install", ArgumentPolicy.RequirementFiles), Cmd("uv", "pip install", ArgumentPolicy.RequirementFiles)]);

    public static IReadOnlyList<Ecosystem> All { get; } = [GoModules, Npm, Yarn, Pnpm, Pip];

    /// <summary>Every manifest file name any ecosystem knows; a COPY bringing only these is not broad.</summary>
    public static IReadOnlySet<string> ManifestNames { get; } =
        All.SelectMany(e => e.Manifests).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Flags of <c>pip install</c> whose value is a requirements or constraints file.</summary>
    public static IReadOnlyList<string> RequirementFlags { get; } = ["-r", "--requirement", "-c", "--constraint"];

    /// <summary>True for file names that hold dependency lists even when no table row names them.</summary>
    public static bool LooksLikeManifest(string fileName)
        => ManifestNames.Contains(fileName)
           || (fileName.StartsWith("requirements", StringComparison.Ordinal) && (fileName.EndsWith(".txt", StringComparison.Ordinal) || fileName.EndsWith(".in", StringComparison.Ordinal)))
           || (fileName.StartsWith("constraints", StringComparison.Ordinal) && fileName.EndsWith(".txt", StringComparison.Ordinal));
}
