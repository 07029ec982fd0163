using System.Text.RegularExpressions;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>The *.gemspec files a Gemfile's <c>gemspec</c> line loads.</summary>
public sealed partial class GemspecFiles : ManifestDiscovery
{
    [GeneratedRegex(@"^\s*gemspec\b", RegexOptions.Multiline)]
    private static partial Regex GemspecLine();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var gemfile = context.ReadAllText(Join(projectDirectory, "Gemfile"));
        return gemfile is not null && GemspecLine().IsMatch(gemfile) ? context.Match(Join(projectDirectory, "*.gemspec")) : [];
    }
}

/// <summary>Cargo workspace members' Cargo.toml (<c>[workspace] members = [...]</c>).</summary>
public sealed partial class CargoWorkspaceMembers : ManifestDiscovery
{
    [GeneratedRegex(@"^\s*members\s*=\s*\[(?<list>[^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex Members();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var text = context.ReadAllText(Join(projectDirectory, "Cargo.toml"));
        if (text is null) return [];
        var globs = Members().Matches(text).SelectMany(m => m.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        return MatchMembers(context, projectDirectory, globs, "Cargo.toml");
    }
}

/// <summary>Maven modules' pom.xml, following <c>&lt;module&gt;</c> entries recursively.</summary>
public sealed partial class MavenModules : ManifestDiscovery
{
    [GeneratedRegex(@"<module>\s*(?<path>[^<\s]+)\s*</module>")]
    private static partial Regex Module();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(manifests.Where(m => m.EndsWith(".xml", StringComparison.Ordinal)));
        while (queue.Count > 0)
        {
            var pom = queue.Dequeue();
            if (!seen.Add(pom)) continue;
            var text = context.ReadAllText(pom);
            if (text is null) continue;
            foreach (Match match in Module().Matches(text))
            {
                var module = Join(DirectoryOf(pom), match.Groups["path"].Value);
                var path = module.EndsWith(".xml", StringComparison.Ordinal) ? module : Join(module, "pom.xml");
                if (context.Exists(path)) queue.Enqueue(path);
            }
        }
        return seen.Where(p => !manifests.Contains(p));
    }
}

/// <summary>Every Gradle build script below the project (subprojects of a multi-project build).</summary>
public sealed class GradleBuildScripts : ManifestDiscovery
{
    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var prefix = projectDirectory.Length == 0 ? "" : projectDirectory + "/";
        return context.Files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)
                                        && (f.EndsWith("/build.gradle", StringComparison.Ordinal) || f.EndsWith("/build.gradle.kts", StringComparison.Ordinal))
                                        && !f[prefix.Length..].StartsWith("buildSrc/", StringComparison.Ordinal)
                                        && !manifests.Contains(f));
    }
}

/// <summary>Modules of a go.work (<c>use ./a</c> or a <c>use ( ... )</c> block): their go.mod and go.sum.</summary>
public sealed partial class GoWorkspaceModules : ManifestDiscovery
{
    [GeneratedRegex(@"^\s*use\s+(?:\((?<block>[^)]*)\)|(?<one>\S+))", RegexOptions.Multiline)]
    private static partial Regex Use();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var text = context.ReadAllText(Join(projectDirectory, "go.work"));
        if (text is null) yield break;
        foreach (Match match in Use().Matches(text))
        {
            var directories = match.Groups["one"].Success ? [match.Groups["one"].Value]
                : match.Groups["block"].Value.Split('\n').Select(l => l.Split("//")[0].Trim()).Where(l => l.Length > 0);
            foreach (var directory in directories)
            {
                foreach (var name in new[] { "go.mod", "go.sum" })
                {
                    var path = Join(Join(projectDirectory, directory.Trim('"')), name);
                    if (context.Exists(path)) yield return path;
                }
            }
        }
    }
}

/// <summary>
/// Path dependencies of a TOML manifest (Pipfile <c>x = {path = "./libs/x"}</c>, Poetry's and uv's
/// <c>{ path = "libs/x" }</c> in pyproject.toml): inline tables with a <c>path</c> key, relative to the project.
/// </summary>
public sealed partial class TomlPathDependencies(string fileName) : ManifestDiscovery
{
    [GeneratedRegex(@"\{[^}\n]*?\bpath\s*=\s*(?<quote>[""'])(?<path>[^""'\n]+)\k<quote>")]
    private static partial Regex InlinePath();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install) => [];

    public override IEnumerable<string> LocalPackages(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
        => PathsIn(context, Join(projectDirectory, fileName));

    /// <summary>The context folders the inline <c>path</c> tables of <paramref name="manifest"/> name, relative to its folder.</summary>
    internal static IEnumerable<string> PathsIn(BuildContext.BuildContext context, string manifest)
    {
        var text = context.ReadAllText(manifest);
        if (text is null) yield break;
        foreach (Match match in InlinePath().Matches(text))
        {
            if (JoinInContext(DirectoryOf(manifest), match.Groups["path"].Value) is { } local) yield return local;
        }
    }
}

/// <summary>
/// Cargo path dependencies (<c>x = { path = "libs/x" }</c>, relative to the Cargo.toml that names them) of the package and
/// of each workspace member, followed transitively: Cargo reads their Cargo.toml (and looks for their targets) to resolve
/// the graph, so they are manifests of the install, not sources it builds before the rest.
/// </summary>
public sealed class CargoPathDependencies : ManifestDiscovery
{
    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var seen = new HashSet<string>(manifests, StringComparer.Ordinal);
        var queue = new Queue<string>(manifests.Where(m => m == "Cargo.toml" || m.EndsWith("/Cargo.toml", StringComparison.Ordinal)));
        while (queue.Count > 0)
        {
            foreach (var folder in TomlPathDependencies.PathsIn(context, queue.Dequeue()))
            {
                var manifest = Join(folder, "Cargo.toml");
                if (!context.Exists(manifest) || !seen.Add(manifest)) continue;
                queue.Enqueue(manifest);
                yield return manifest;
            }
        }
    }
}

/// <summary>A manifest's install-time scripts (package.json preinstall/postinstall/prepare) and the flag that skips them.</summary>
public sealed record LifecycleScripts(string File, IReadOnlyList<string> ScriptNames, string DisableFlag)
{
    /// <summary>The lifecycle scripts the project's manifest defines, as "name: command".</summary>
    public IReadOnlyList<string> Defined(BuildContext.BuildContext context, string projectDirectory)
    {
        var text = context.ReadAllText(projectDirectory.Length == 0 ? File : projectDirectory + "/" + File);
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !document.RootElement.TryGetProperty("scripts", out var scripts)
                || scripts.ValueKind != System.Text.Json.JsonValueKind.Object) return [];
            return ScriptNames.Where(n => scripts.TryGetProperty(n, out _)).Select(n => $"{n}: {scripts.GetProperty(n)}").ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
