using System.Text.Json;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>Every workspace member's package.json, from package.json <c>workspaces</c> or pnpm-workspace.yaml <c>packages</c>;
/// and the project's <c>file:</c> dependencies (a folder or a tarball), which the install reads too.</summary>
public sealed class NodeWorkspaceMembers : ManifestDiscovery
{
    public override IEnumerable<string> Discover(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var globs = new List<string>();
        globs.AddRange(PackageJsonWorkspaces(context.ReadAllText(Join(projectDirectory, "package.json"))));
        globs.AddRange(PnpmWorkspacePackages(context.ReadAllText(Join(projectDirectory, "pnpm-workspace.yaml"))));
        if (globs.Count == 0) return [];
        var members = MatchMembers(context, projectDirectory, globs, "package.json").ToList();
        // Each member may carry its own npmrc; lockfiles live at the root.
        return members.Concat(members.Select(m => Join(DirectoryOf(m), ".npmrc")).Where(context.Exists));
    }

    private static readonly string[] DependencySections = ["dependencies", "devDependencies", "optionalDependencies"];

    public override IEnumerable<string> LocalPackages(BuildContext.BuildContext context, string projectDirectory, IReadOnlyList<string> manifests, InstallMatch install)
    {
        var json = context.ReadAllText(Join(projectDirectory, "package.json"));
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
            var found = new List<string>();
            foreach (var section in DependencySections)
            {
                if (!document.RootElement.TryGetProperty(section, out var dependencies) || dependencies.ValueKind != JsonValueKind.Object) continue;
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    if (dependency.Value.ValueKind == JsonValueKind.String && dependency.Value.GetString() is { } spec && spec.StartsWith("file:", StringComparison.Ordinal)
                        && JoinInContext(projectDirectory, spec["file:".Length..]) is { } local)
                        found.Add(local);
                }
            }
            return found;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IEnumerable<string> PackageJsonWorkspaces(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("workspaces", out var workspaces)) return [];
            if (workspaces.ValueKind == JsonValueKind.Object && workspaces.TryGetProperty("packages", out var packages)) workspaces = packages;
            return workspaces.ValueKind == JsonValueKind.Array
                ? workspaces.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The <c>packages:</c> list of pnpm-workspace.yaml (a block sequence or a flow sequence).</summary>
    private static IEnumerable<string> PnpmWorkspacePackages(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml)) yield break;
        var inPackages = false;
        foreach (var rawLine in yaml.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length == 0) continue;
            if (!char.IsWhiteSpace(line[0]) && !line.StartsWith('-'))
            {
                inPackages = line.StartsWith("packages:", StringComparison.Ordinal);
                var flow = line["packages:".Length..].Trim();
                if (inPackages && flow.StartsWith('['))
                {
                    foreach (var item in flow.Trim('[', ']').Split(',')) yield return item.Trim();
                    inPackages = false;
                }
                continue;
            }
            var trimmed = line.Trim();
            if (inPackages && trimmed.StartsWith('-')) yield return trimmed[1..].Trim();
        }
    }
}
