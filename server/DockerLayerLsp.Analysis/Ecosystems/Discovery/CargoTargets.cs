namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>
/// The target source files Cargo must find to load a package's manifest, so that a dependency step can create
/// empty stand-ins before the source is copied. Cargo refuses a manifest whose declared targets are missing
/// (<c>[lib]</c> without src/lib.rs: "can't find library"), and auto-discovers src/lib.rs and src/main.rs; the
/// stand-ins follow both: what the manifest declares, and what the build context holds.
/// A minimal reader of the keys that matter (<c>[package] name</c>, <c>[lib]</c>, <c>[[bin]]</c>, <c>[[example]]</c>,
/// <c>[[test]]</c>, <c>[[bench]]</c> with <c>name</c> and <c>path</c>), not a TOML parser.
/// </summary>
public static class CargoTargets
{
    private static readonly Dictionary<string, string> TargetFolders = new(StringComparer.Ordinal)
    {
        ["bin"] = "src/bin", ["example"] = "examples", ["test"] = "tests", ["bench"] = "benches",
    };

    /// <summary>Paths relative to the package folder; empty for a virtual workspace manifest (<c>[workspace]</c> without <c>[package]</c>).</summary>
    /// <param name="manifest">The Cargo.toml's path in the build context.</param>
    public static IReadOnlyList<string> StubFiles(BuildContext.BuildContext context, string manifest)
    {
        var folder = manifest.Contains('/') ? manifest[..manifest.LastIndexOf('/')] + "/" : "";
        var text = context.ReadAllText(manifest) ?? "";
        var tables = Tables(text);
        var package = tables.FirstOrDefault(t => t.Header == "package");
        if (package is null && tables.Any(t => t.Header == "workspace")) return [];
        bool InContext(string path) => context.Exists(folder + path);

        var packageName = package?.Keys.GetValueOrDefault("name");
        var files = new List<string>();
        var lib = tables.FirstOrDefault(t => t.Header == "lib");
        if (lib is not null) files.Add(lib.Keys.GetValueOrDefault("path") ?? "src/lib.rs");
        else if (InContext("src/lib.rs")) files.Add("src/lib.rs");

        var bins = tables.Where(t => t.Header == "[bin]").ToList();
        if (InContext("src/main.rs") || (bins.Count == 0 && files.Count == 0)) files.Add("src/main.rs");
        foreach (var target in tables.Where(t => t.Header.StartsWith('[')))
        {
            var kind = target.Header[1..^1];
            if (!TargetFolders.TryGetValue(kind, out var defaultFolder)) continue;
            if (target.Keys.GetValueOrDefault("path") is { } path) { files.Add(path); continue; }
            if (target.Keys.GetValueOrDefault("name") is not { } name) continue;
            // Cargo's inference for a named target without a path: the package's own binary is src/main.rs,
            // otherwise FOLDER/NAME.rs or FOLDER/NAME/main.rs.
            var nested = $"{defaultFolder}/{name}/main.rs";
            files.Add(kind == "bin" && name == packageName ? "src/main.rs" : InContext(nested) ? nested : $"{defaultFolder}/{name}.rs");
        }
        return [.. files.Select(Normalize).Distinct(StringComparer.Ordinal)];
    }

    private static string Normalize(string path) => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>A table header ("package", "lib", or "[bin]" for an array-of-tables entry) and its string keys.</summary>
    private sealed record Table(string Header, Dictionary<string, string> Keys);

    private static List<Table> Tables(string text)
    {
        var tables = new List<Table> { new("", new Dictionary<string, string>(StringComparer.Ordinal)) };
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("[[", StringComparison.Ordinal) && line.IndexOf("]]", StringComparison.Ordinal) is var end and > 2)
                tables.Add(new("[" + line[2..end].Trim() + "]", new Dictionary<string, string>(StringComparer.Ordinal)));
            else if (line[0] == '[' && line.IndexOf(']') is var close and > 1)
                tables.Add(new(line[1..close].Trim(), new Dictionary<string, string>(StringComparer.Ordinal)));
            else if (line.IndexOf('=') is var eq and > 0 && StringValue(line[(eq + 1)..].Trim()) is { } value)
                tables[^1].Keys[line[..eq].Trim().Trim('"', '\'')] = value;
        }
        return tables;
    }

    /// <summary>A basic or literal TOML string's content; null for other values (numbers, arrays, inline tables).</summary>
    private static string? StringValue(string value)
    {
        if (value.Length < 2 || value[0] is not ('"' or '\'')) return null;
        var close = value.IndexOf(value[0], 1);
        return close < 0 ? null : value[1..close];
    }
}
