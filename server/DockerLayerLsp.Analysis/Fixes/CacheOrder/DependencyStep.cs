using System.Text.RegularExpressions;
using DockerLayerLsp.Analysis.Ecosystems;
using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Fixes.CacheOrder;

/// <summary>What a dependency step is built from: the install, and the manifests the fix copies (paths relative to the
/// project folder in the container, and where they come from in <paramref name="Context"/>).</summary>
public sealed record DependencyStepInput(InstallMatch Install, IReadOnlyList<(string Path, string ContextPath)> Manifests, BuildContext.BuildContext Context)
{
    /// <summary>The install's project folder in the context ("" for the root).</summary>
    public string ProjectContextDirectory { get; init; } = "";

    /// <summary>Every manifest the install reads (context paths), copied by the fix or already in place.</summary>
    public IReadOnlyList<string> ReadManifests { get; init; } = [];
}

/// <summary>
/// How a row of <see cref="EcosystemCatalog"/> turns an install that needs the source (a build with an
/// implicit restore, <c>poetry install</c>) into a dependency-only command that can run before the
/// source is copied. One subtype per kind of rewrite; <see cref="InsertDependencyStepFix"/> applies it.
/// </summary>
public abstract record DependencyStep
{
    /// <summary>The dependency-only shell command, or null when this install cannot be turned into one.</summary>
    public abstract string? Command(DependencyStepInput input);

    /// <summary>Where the command runs. False (most steps): in the folder the install ran in, because the command keeps
    /// the install's own project arguments as written (<c>dotnet restore src/Api/Api.csproj</c>, <c>mvn -f web/pom.xml</c>,
    /// <c>poetry install -C api</c>, <c>./gradlew</c>), which are relative to it. True: in the project folder, for a
    /// command that names its files relative to that folder and drops the install's project arguments.</summary>
    public virtual bool RunsInProjectDirectory => false;

    /// <summary>A word as the shell should see it: bare when safe, otherwise single-quoted.</summary>
    public static string QuoteWord(string word) => Quote(word);

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
/// plus the install's flags that matter to it (the runtime of <c>dotnet publish -r</c>; <c>mvn -f</c> and <c>gradle -p</c>,
/// which say where the project is).</summary>
public sealed record ReplaceCommand(string Template, IReadOnlyList<string>? CarriedFlags = null) : DependencyStep
{
    public override string? Command(DependencyStepInput input)
    {
        var install = input.Install;
        var text = Template.Replace("{program}", Quote(install.ProgramAsWritten), StringComparison.Ordinal)
            .Replace("{project}", install.ProjectFile is null ? "" : " " + Quote(install.ProjectFile), StringComparison.Ordinal);
        var carried = CarriedFlags is null ? [] : Carried(install, CarriedFlags).ToList();
        return carried.Count == 0 ? text : text + " " + string.Join(' ', carried);
    }
}

/// <summary>
/// Gradle's <c>dependencies</c> task reports (and so resolves) one project only: the step runs it for the root and for
/// each project settings.gradle(.kts) includes by a literal name (<c>include("app", "libs:core")</c> →
/// <c>:app:dependencies :libs:core:dependencies</c>). Projects included by computed names are left out: naming a project
/// that does not exist fails the build, leaving one out only leaves its dependencies to the later build.
/// </summary>
public sealed partial record ResolveGradleProjects(string Template, IReadOnlyList<string> CarriedFlags) : DependencyStep
{
    [GeneratedRegex(@"(?<![\w.])include(?=[\s(])\s*\(?(?<args>[^)\n]*)")]
    private static partial Regex Include();

    [GeneratedRegex(@"^\s*(?<q>[""'])(?<name>[\w.:-]+)\k<q>\s*$")]
    private static partial Regex Literal();

    public override string? Command(DependencyStepInput input)
    {
        var tasks = new List<string> { "dependencies" };
        var settings = input.Manifests.FirstOrDefault(m => m.Path is "settings.gradle" or "settings.gradle.kts");
        if (settings.ContextPath is not null && input.Context.ReadAllText(settings.ContextPath) is { } script)
        {
            foreach (Match include in Include().Matches(script))
            {
                foreach (var argument in include.Groups["args"].Value.Split(','))
                {
                    if (Literal().Match(argument) is { Success: true } name)
                        tasks.Add(":" + name.Groups["name"].Value.TrimStart(':') + ":dependencies");
                }
            }
        }
        var command = Template.Replace("{program}", Quote(input.Install.ProgramAsWritten), StringComparison.Ordinal)
            .Replace("{tasks}", string.Join(' ', tasks.Distinct(StringComparer.Ordinal).Select(Quote)), StringComparison.Ordinal);
        var carried = Carried(input.Install, CarriedFlags).ToList();
        return carried.Count == 0 ? command : command + " " + string.Join(' ', carried);
    }
}

/// <summary>The same command with flags that leave the project out (<c>poetry install --no-root</c>, <c>uv sync --no-install-project</c>).</summary>
public sealed record AddFlags(params string[] Flags) : DependencyStep
{
    /// <summary>The flags to add instead when the install reads a workspace member's manifest (one named like the row's
    /// required manifest, in a folder below the project): <c>uv sync --no-install-workspace</c>.</summary>
    public IReadOnlyList<string>? InWorkspace { get; init; }

    public override string? Command(DependencyStepInput input)
    {
        var flags = InWorkspace is { } workspace && HasMembers(input) ? workspace : Flags;
        return string.Join(' ', input.Install.Shell.Words.Select(Quote).Concat(flags.Where(f => !input.Install.Arguments.Contains(f))));
    }

    private static bool HasMembers(DependencyStepInput input)
    {
        if (input.Install.Ecosystem.RequiredManifests.FirstOrDefault() is not { } required) return false;
        var prefix = input.ProjectContextDirectory.Length == 0 ? "" : input.ProjectContextDirectory + "/";
        return input.ReadManifests.Any(m => m.StartsWith(prefix, StringComparison.Ordinal) && m[prefix.Length..].EndsWith("/" + required.Name, StringComparison.Ordinal));
    }
}

/// <summary>
/// Cargo cannot read a manifest whose targets are missing, so the step creates empty stand-ins for the targets
/// Cargo will look for in the package and each workspace member copied (<see cref="CargoTargets"/>: src/lib.rs for a
/// library, src/main.rs, declared bin/example/test/bench paths), runs <c>cargo fetch</c>, and removes them again.
/// </summary>
public sealed record StubCargoTargets : DependencyStep
{
    private static readonly string[] Carry = ["--target", "--locked"];

    /// <summary>The stubs are relative to each manifest's folder, and <c>cargo fetch</c> finds Cargo.toml in the one it runs in.</summary>
    public override bool RunsInProjectDirectory => true;

    public override string? Command(DependencyStepInput input)
    {
        var fetch = string.Join(' ', new[] { "cargo", "fetch" }.Concat(Carried(input.Install, Carry)));
        var stubs = input.Manifests.Where(m => m.Path == "Cargo.toml" || m.Path.EndsWith("/Cargo.toml", StringComparison.Ordinal))
            .SelectMany(m => CargoTargets.StubFiles(input.Context, m.ContextPath).Select(file => m.Path[..^"Cargo.toml".Length] + file))
            .Distinct(StringComparer.Ordinal).ToList();
        if (stubs.Count == 0) return fetch; // only virtual manifests: nothing for Cargo to look for
        var folders = stubs.Where(s => s.Contains('/')).Select(s => s[..s.LastIndexOf('/')]).Distinct(StringComparer.Ordinal).Select(Quote).ToList();
        var files = string.Join(' ', stubs.Select(Quote));
        return (folders.Count == 0 ? "" : $"mkdir -p {string.Join(' ', folders)} && ") + $"touch {files} && {fetch} && rm {files}";
    }
}

/// <summary>
/// The install command itself, as written: for a dependency-only install whose source COPY cannot move
/// (a WORKDIR between them), the install runs once before the source and again, now cheaply, after it.
/// Only for commands the table marks <see cref="InstallCommand.Idempotent"/>: a second <c>npm ci</c> deletes
/// node_modules and installs everything again on every source change, which is the bug being fixed.
/// </summary>
public sealed record RepeatCommand : DependencyStep
{
    public override string? Command(DependencyStepInput input)
    {
        var install = input.Install;
        if (!install.Command.Idempotent) return null;
        return ShellWords.Split(install.Shell.Text).SequenceEqual(install.Shell.Words) ? install.Shell.Text : string.Join(" ", install.Shell.Words.Select(Quote));
    }
}
