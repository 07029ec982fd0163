namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>How a manifest file matters to an install.</summary>
public enum ManifestRole
{
    /// <summary>The install cannot run without it (go.mod, package.json).</summary>
    Required,
    /// <summary>Pins versions; copied when it exists (go.sum, package-lock.json).</summary>
    Lockfile,
    /// <summary>Configures the package manager; copied when it exists (.npmrc).</summary>
    Config,
}

/// <summary>A file an ecosystem's install reads, named relative to the project directory.</summary>
public sealed record ManifestFile(string Name, ManifestRole Role);

/// <summary>What a matched command's arguments mean for the manifests it reads.</summary>
public enum ArgumentPolicy
{
    /// <summary>Any arguments: the command always installs from the manifests (npm ci, go mod download).</summary>
    Any,
    /// <summary>Only flags: positional arguments name packages to add instead (npm install express).</summary>
    FlagsOnly,
    /// <summary>The manifests are the files given by requirement flags (pip install -r FILE).</summary>
    RequirementFiles,
}

/// <summary>
/// A command shape that installs dependencies: the program (any path, any <c>python -m</c> spelling is
/// normalised before matching) followed by <see cref="Subcommand"/> words.
/// </summary>
public sealed record InstallCommand(
    string Program,
    IReadOnlyList<string> Subcommand,
    ArgumentPolicy Arguments,
    IReadOnlyList<string> DisqualifyingFlags)
{
    public string Display => string.Join(' ', new[] { Program }.Concat(Subcommand));
}

/// <summary>One package ecosystem: the files its dependency install reads and the commands that install.</summary>
public sealed record Ecosystem(
    string Id,
    string DisplayName,
    IReadOnlyList<ManifestFile> Manifests,
    IReadOnlyList<InstallCommand> Installs)
{
    public IEnumerable<ManifestFile> RequiredManifests => Manifests.Where(m => m.Role == ManifestRole.Required);
}
