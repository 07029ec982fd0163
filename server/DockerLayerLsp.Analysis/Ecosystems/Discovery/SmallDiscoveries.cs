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
/// Local <c>replace</c> targets (<c>replace example.com/lib => ./lib</c>, one line or a <c>replace ( ... )</c> block) of the
/// go.mod files and go.work already found: Go reads each target's go.mod to build the module graph, so <c>go mod download</c>
/// fails without it. Paths are relative to the file that names them; absolute ones are image paths. Replacements by another
/// module version add nothing, and a target's own replace lines are ignored, as Go ignores them.
/// </summary>
public sealed partial class GoReplaceTargets : ManifestDiscovery
{
    [GeneratedRegex(@"^\s*replace\s+(?:\((?<block>[^)]*)\)|(?<one>[^\n]+))", RegexOptions.Multiline)]
    private static partial Regex Replace();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var found = new HashSet<string>(manifests, StringComparer.Ordinal);
        foreach (var file in manifests.Where(m => m[(m.LastIndexOf('/') + 1)..] is "go.mod" or "go.work").ToList())
        {
            var text = context.ReadAllText(file);
            if (text is null) continue;
            foreach (Match match in Replace().Matches(text))
            {
                var lines = match.Groups["one"].Success ? [match.Groups["one"].Value] : match.Groups["block"].Value.Split('\n');
                foreach (var line in lines)
                {
                    var arrow = line.Split("//")[0].Split("=>");
                    if (arrow.Length != 2) continue;
                    var target = arrow[1].Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
                    // Only a path (./x, ../x, /x) is local, and it has no version.
                    if (target.Length != 1 || !(target[0].StartsWith("./", StringComparison.Ordinal) || target[0].StartsWith("../", StringComparison.Ordinal)
                                               || target[0].StartsWith('/') || target[0] is "." or "..")) continue;
                    if (JoinInContextOrImage(DirectoryOf(file), target[0].Trim('"')) is not { } directory) continue;
                    foreach (var name in new[] { "go.mod", "go.sum" })
                    {
                        var path = directory.StartsWith('/') ? directory.TrimEnd('/') + "/" + name : Join(directory, name);
                        if ((path.StartsWith('/') || context.Exists(path)) && found.Add(path)) yield return path;
                    }
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

/// <summary>uv workspace members' pyproject.toml (<c>[tool.uv.workspace]</c> <c>members</c> globs, less <c>exclude</c>): uv reads
/// every member's manifest to resolve and check the lockfile.</summary>
public sealed partial class UvWorkspaceMembers : ManifestDiscovery
{
    [GeneratedRegex(@"^\[tool\.uv\.workspace\]\s*$(?<body>(?:\n(?!\s*\[[^\]\n""']*\]\s*$).*)*)", RegexOptions.Multiline)]
    private static partial Regex WorkspaceTable();

    [GeneratedRegex(@"^\s*(?<key>members|exclude)\s*=\s*\[(?<list>[^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex Globs();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var text = context.ReadAllText(Join(projectDirectory, "pyproject.toml"))?.Replace("\r", "");
        if (text is null || WorkspaceTable().Match(text) is not { Success: true } table) return [];
        var globs = new List<string>();
        foreach (Match list in Globs().Matches(table.Groups["body"].Value))
        {
            var items = list.Groups["list"].Value.Split('\n').Select(l => l.Split('#')[0]).SelectMany(l => l.Split(','))
                .Select(i => i.Trim().Trim('"', '\'')).Where(i => i.Length > 0);
            globs.AddRange(list.Groups["key"].Value == "exclude" ? items.Select(i => "!" + i) : items);
        }
        return MatchMembers(context, projectDirectory, globs, "pyproject.toml").Where(m => !manifests.Contains(m)).ToList();
    }
}

/// <summary>
/// The <c>pip:</c> section of a conda environment file: conda hands its entries to pip as a requirements file next to the
/// environment file and runs pip there, so <c>-r requirements.txt</c> names a manifest (followed like pip's own includes) and
/// <c>-e ./libs/y</c> or <c>.</c> a local package, both relative to the environment file's folder.
/// </summary>
public sealed partial class CondaPipEntries : ManifestDiscovery
{
    [GeneratedRegex(@"^(?<indent>\s*)-\s*pip\s*:\s*(#.*)?$")]
    private static partial Regex PipSection();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var included = new List<string>();
        foreach (var file in EnvironmentFiles(manifests))
        {
            var directory = DirectoryOf(file);
            foreach (var words in Entries(context, file).Select(e => e.Split([' ', '\t', '='], StringSplitOptions.RemoveEmptyEntries)))
            {
                if (words.Length < 2 || words[0] is not ("-r" or "--requirement" or "-c" or "--constraint")) continue;
                var path = Join(directory, words[1]);
                if (context.Exists(path) && !included.Contains(path) && !manifests.Contains(path)) included.Add(path);
            }
        }
        return included.Concat(RequirementIncludes.Included(context, included).Where(f => !included.Contains(f) && !manifests.Contains(f))).ToList();
    }

    public override IEnumerable<string> LocalPackages(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var environments = EnvironmentFiles(manifests).ToList();
        if (environments.Count == 0) yield break; // conda install --file: a conda spec list, not pip's
        foreach (var file in environments)
        {
            foreach (var local in RequirementIncludes.LocalPackagesIn(context, Entries(context, file), DirectoryOf(file), DirectoryOf(file))) yield return local;
        }
        // The requirement files the entries include, read as pip reads them, in the environment file's folder.
        foreach (var file in manifests.Where(m => !environments.Contains(m)))
        {
            if (context.ReadAllText(file) is not { } text) continue;
            foreach (var local in RequirementIncludes.LocalPackagesIn(context, text.Split('\n'), DirectoryOf(file), projectDirectory)) yield return local;
        }
    }

    private static IEnumerable<string> EnvironmentFiles(IReadOnlyList<string> manifests)
        => manifests.Where(m => m.EndsWith(".yml", StringComparison.Ordinal) || m.EndsWith(".yaml", StringComparison.Ordinal));

    /// <summary>The items of the <c>- pip:</c> list (block style), without comments and quotes.</summary>
    private static IEnumerable<string> Entries(BuildContext.BuildContext context, string file)
    {
        var text = context.ReadAllText(file);
        if (text is null) yield break;
        int? pipIndent = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var indent = line.Length - line.TrimStart().Length;
            if (PipSection().Match(line) is { Success: true } section) { pipIndent = section.Groups["indent"].Length; continue; }
            if (pipIndent is null) continue;
            if (indent <= pipIndent) { pipIndent = null; continue; }
            var item = line.Trim();
            if (item.StartsWith('-')) yield return item[1..].Trim().Trim('"', '\'');
        }
    }
}

/// <summary>A manifest's install-time scripts (package.json preinstall/postinstall/prepare) and the flag that skips them.</summary>
public sealed record LifecycleScripts(string File, IReadOnlyList<string> ScriptNames, string DisableFlag)
{
    /// <summary>The lifecycle scripts defined by the project's manifest and by every other manifest of that name the install
    /// reads (workspace members' package.json: the install runs their scripts too), as "path defines name, name".</summary>
    public IReadOnlyList<string> Defined(BuildContext.BuildContext context, string projectDirectory, IEnumerable<string> manifests)
    {
        var files = manifests.Where(m => m == File || m.EndsWith("/" + File, StringComparison.Ordinal))
            .Prepend(projectDirectory.Length == 0 ? File : projectDirectory + "/" + File).Distinct(StringComparer.Ordinal);
        return files.Select(f => (File: f, Names: DefinedIn(context.ReadAllText(f)))).Where(d => d.Names.Count > 0)
            .Select(d => $"{d.File} defines {string.Join(", ", d.Names)}").ToList();
    }

    private List<string> DefinedIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text, new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !document.RootElement.TryGetProperty("scripts", out var scripts)
                || scripts.ValueKind != System.Text.Json.JsonValueKind.Object) return [];
            return ScriptNames.Where(n => scripts.TryGetProperty(n, out _)).ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
