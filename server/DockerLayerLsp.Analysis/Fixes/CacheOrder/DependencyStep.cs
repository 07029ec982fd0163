using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Fixes.CacheOrder;

/// <summary>
/// How a row of <see cref="EcosystemCatalog"/> turns an install that needs the source (a build with an
/// implicit restore, <c>poetry install</c>) into a dependency-only command that can run before the
/// source is copied. One subtype per kind of rewrite; <see cref="InsertDependencyStepFix"/> applies it.
/// </summary>
public abstract record DependencyStep
{
    /// <summary>The dependency-only shell command, or null when this install cannot be turned into one.</summary>
    /// <param name="manifests">The manifests the fix copies, relative to the project folder.</param>
    public abstract string? Command(InstallMatch install, IReadOnlyList<string> manifests);

    protected static string Quote(string word)
        => word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or '@' or ',' or '+' or '$' or '{' or '}')
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";

    /// <summary>The flags (with their values) of <paramref name="install"/> that also matter to the dependency step.</summary>
    protected static IEnumerable<string> Carried(InstallMatch install, IReadOnlyList<string> names)
    {
        var args = install.Arguments;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=');
            var flag = arg.StartsWith('-') && eq > 0 ? arg[..eq] : arg;
            if (!names.Contains(flag)) continue;
            yield return Quote(arg);
            if (eq < 0 && i + 1 < args.Count && !args[i + 1].StartsWith('-') && !flag.StartsWith("--locked", StringComparison.Ordinal) && flag != "--locked-mode")
                yield return Quote(args[++i]);
        }
    }
}

/// <summary>A fixed command (<c>go mod download</c>, <c>{program} -B dependency:go-offline</c>, <c>dotnet restore{project}</c>)
/// plus the install's flags that matter to it (the runtime of <c>dotnet publish -r</c>).</summary>
public sealed record ReplaceCommand(string Template, IReadOnlyList<string>? CarriedFlags = null) : DependencyStep
{
    public override string? Command(InstallMatch install, IReadOnlyList<string> manifests)
    {
        var text = Template.Replace("{program}", Quote(install.ProgramAsWritten), StringComparison.Ordinal)
            .Replace("{project}", install.ProjectFile is null ? "" : " " + Quote(install.ProjectFile), StringComparison.Ordinal);
        var carried = CarriedFlags is null ? [] : Carried(install, CarriedFlags).ToList();
        return carried.Count == 0 ? text : text + " " + string.Join(' ', carried);
    }
}

/// <summary>The same command with flags that leave the project out (<c>poetry install --no-root</c>, <c>uv sync --no-install-project</c>).</summary>
public sealed record AddFlags(params string[] Flags) : DependencyStep
{
    public override string? Command(InstallMatch install, IReadOnlyList<string> manifests)
        => string.Join(' ', install.Shell.Words.Select(Quote).Concat(Flags.Where(f => !install.Arguments.Contains(f))));
}

/// <summary>
/// Cargo cannot read a manifest without a target, so the step creates an empty <c>src/main.rs</c> for the
/// package (and each workspace member found), runs <c>cargo fetch</c>, and removes the stubs again.
/// </summary>
public sealed record StubCargoTargets : DependencyStep
{
    private static readonly string[] Carry = ["--target", "--locked"];

    public override string? Command(InstallMatch install, IReadOnlyList<string> manifests)
    {
        var fetch = string.Join(' ', new[] { "cargo", "fetch" }.Concat(Carried(install, Carry)));
        var packages = manifests.Where(m => m == "Cargo.toml" || m.EndsWith("/Cargo.toml", StringComparison.Ordinal))
            .Select(m => m.Length == "Cargo.toml".Length ? "src" : m[..^"Cargo.toml".Length] + "src").Distinct().Select(Quote).ToList();
        if (packages.Count == 0) packages.Add("src");
        var stubs = string.Join(' ', packages.Select(p => p + "/main.rs"));
        return $"mkdir -p {string.Join(' ', packages)} && touch {stubs} && {fetch} && rm {stubs}";
    }
}

/// <summary>
/// The install command itself, as written: for a dependency-only install whose source COPY cannot move
/// (a WORKDIR between them), the install runs once before the source and again, now cheaply, after it.
/// </summary>
public sealed record RepeatCommand : DependencyStep
{
    public override string? Command(InstallMatch install, IReadOnlyList<string> manifests)
        => ShellWords.Split(install.Shell.Text).SequenceEqual(install.Shell.Words) ? install.Shell.Text : string.Join(" ", install.Shell.Words.Select(Quote));
}
