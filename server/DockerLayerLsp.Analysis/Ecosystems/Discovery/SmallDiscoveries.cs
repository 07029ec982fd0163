using System.Text.RegularExpressions;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>
/// The *.gemspec files a Gemfile's <c>gemspec</c> line loads, and the files they load in turn: Bundler evaluates each
/// gemspec (in its folder) to install, so a <c>require_relative "lib/foo/version"</c>, a <c>require "./x"</c>, a
/// <c>require</c> of a file under lib/ after the gemspec adds lib to <c>$LOAD_PATH</c>, or a <c>File.read("VERSION")</c>
/// must find its file. Files loaded that way are followed too. A load whose path is computed cannot be followed: then
/// <see cref="NoFixReason"/> says so. (<c>git ls-files</c> needs nothing: without a repository it lists no files.)
/// </summary>
public sealed partial class GemspecFiles : ManifestDiscovery
{
    [GeneratedRegex(@"^\s*gemspec\b", RegexOptions.Multiline)]
    private static partial Regex GemspecLine();

    /// <summary>A load: <c>require_relative</c>, <c>require</c>, <c>load</c>, or a read (File/IO .read, .open, .readlines,
    /// .foreach, .binread), with its argument up to the end of the call or line.</summary>
    [GeneratedRegex(@"(?<![\w.])(?<call>require_relative|require|load|(?:File|IO)\.(?:read|open|readlines|foreach|binread))\b\s*\(?\s*(?<arg>[^)\n;]*)")]
    private static partial Regex Load();

    [GeneratedRegex(@"^(?<q>[""'])(?<path>[^""'#\\]+)\k<q>")]
    private static partial Regex Literal();

    /// <summary><c>File.expand_path("X", __dir__)</c>, <c>File.join(__dir__, "X")</c>, <c>File.expand_path("../X", __FILE__)</c>.</summary>
    [GeneratedRegex(@"^File\.(?:expand_path\(\s*(?<q>[""'])(?<path>[^""'#\\]+)\k<q>\s*,\s*(?<base>__dir__|__FILE__|File\.dirname\(__FILE__\))|join\(\s*(?<base>__dir__|File\.dirname\(__FILE__\))\s*,\s*(?<q>[""'])(?<path>[^""'#\\]+)\k<q>)")]
    private static partial Regex Anchored();

    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var gemspecs = Gemspecs(context, projectDirectory).ToList();
        return gemspecs.Concat(gemspecs.SelectMany(g => Scan(context, g).Files)).Distinct(StringComparer.Ordinal).ToList();
    }

    public override string? NoFixReason(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
        => Gemspecs(context, projectDirectory).Select(g => Scan(context, g).Problem).FirstOrDefault(p => p is not null);

    private static IEnumerable<string> Gemspecs(BuildContext.BuildContext context, string projectDirectory)
    {
        var gemfile = context.ReadAllText(Join(projectDirectory, "Gemfile"));
        return gemfile is not null && GemspecLine().IsMatch(gemfile) ? context.Match(Join(projectDirectory, "*.gemspec")) : [];
    }

    /// <summary>The context files <paramref name="gemspec"/> loads (transitively), or the first load it cannot follow.</summary>
    private static (IReadOnlyList<string> Files, string? Problem) Scan(BuildContext.BuildContext context, string gemspec)
    {
        var root = DirectoryOf(gemspec); // Bundler evaluates a gemspec in its own folder: relative reads start there
        var files = new List<string>();
        var queue = new Queue<string>([gemspec]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { gemspec };
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            var text = context.ReadAllText(file);
            if (text is null) continue;
            var addsLib = text.Contains("$LOAD_PATH", StringComparison.Ordinal) || text.Contains("$:", StringComparison.Ordinal);
            foreach (Match load in Load().Matches(text))
            {
                var call = load.Groups["call"].Value;
                var argument = load.Groups["arg"].Value.Trim();
                string? path;
                if (Literal().Match(argument) is { Success: true } literal)
                {
                    var written = literal.Groups["path"].Value;
                    var ruby = call is "require" or "require_relative" && !written.EndsWith(".rb", StringComparison.Ordinal) ? ".rb" : "";
                    path = call switch
                    {
                        "require_relative" => JoinInContext(DirectoryOf(file), written + ruby),
                        "require" when written.StartsWith("./", StringComparison.Ordinal) || written.StartsWith("../", StringComparison.Ordinal) => JoinInContext(root, written + ruby),
                        "require" => addsLib ? JoinInContext(root, "lib/" + written + ruby) : null, // otherwise a gem or the standard library
                        _ => JoinInContext(root, written),
                    };
                }
                else if (Anchored().Match(argument) is { Success: true } anchored && call is not ("require" or "require_relative"))
                {
                    string? relative = anchored.Groups["path"].Value;
                    // expand_path("../X", __FILE__) counts from the file itself, one level below its folder.
                    if (anchored.Groups["base"].Value == "__FILE__") relative = relative.StartsWith("../", StringComparison.Ordinal) ? relative[3..] : null;
                    path = relative is null ? null : JoinInContext(DirectoryOf(file), relative);
                    if (path is null) return (files, Unfollowable(file, load.Value));
                }
                else
                {
                    if (call == "require" && !argument.StartsWith("File", StringComparison.Ordinal) && !argument.Contains("__dir__", StringComparison.Ordinal)) continue; // require some_gem_name_variable: not a file of the project
                    return (files, Unfollowable(file, load.Value));
                }
                if (path is null || !context.Exists(path) || !seen.Add(path)) continue;
                files.Add(path);
                if (path.EndsWith(".rb", StringComparison.Ordinal)) queue.Enqueue(path);
            }
        }
        return (files, null);
    }

    private static string Unfollowable(string file, string load)
        => $"{file} loads a file whose path it computes (`{load.Trim()}`), so which files `bundle install` needs besides the manifests cannot be told";
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

/// <summary>
/// Maven modules' pom.xml, following <c>&lt;module&gt;</c> entries recursively, and the parent POMs each one inherits
/// from: <c>&lt;parent&gt;&lt;relativePath&gt;</c> (default <c>../pom.xml</c>, a folder meaning its pom.xml) when it is in the
/// context, followed up the chain. Maven reads a parent to build the module's model ("Non-resolvable parent POM"
/// without it) but does not build the parent's other modules, so those are not followed. An empty
/// <c>&lt;relativePath/&gt;</c> means the parent comes from a repository.
/// </summary>
public sealed partial class MavenModules : ManifestDiscovery
{
    [GeneratedRegex(@"<module>\s*(?<path>[^<\s]+)\s*</module>")]
    private static partial Regex Module();

    [GeneratedRegex(@"<parent>(?<body>.*?)</parent>", RegexOptions.Singleline)]
    private static partial Regex Parent();

    [GeneratedRegex(@"<relativePath\s*/>|<relativePath>\s*(?<path>[^<]*?)\s*</relativePath>")]
    private static partial Regex RelativePath();

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
        foreach (var pom in seen.ToList())
        {
            var parent = ParentOf(context, pom);
            while (parent is not null && seen.Add(parent)) parent = ParentOf(context, parent);
        }
        return seen.Where(p => !manifests.Contains(p));
    }

    /// <summary>The context path of the parent POM <paramref name="pom"/> names, when it is in the context; else null.</summary>
    private static string? ParentOf(BuildContext.BuildContext context, string pom)
    {
        if (context.ReadAllText(pom) is not { } text || Parent().Match(text) is not { Success: true } parent) return null;
        var relative = RelativePath().Match(parent.Groups["body"].Value) is { Success: true } given ? given.Groups["path"].Value : "../pom.xml";
        if (relative.Length == 0) return null;
        var path = JoinInContext(DirectoryOf(pom), relative);
        if (path is null) return null;
        if (!path.EndsWith(".xml", StringComparison.Ordinal)) path = Join(path, "pom.xml");
        return context.Exists(path) ? path : null;
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
