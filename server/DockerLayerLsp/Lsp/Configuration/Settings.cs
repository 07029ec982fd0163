using System.Text.Json;
using DockerLayerLsp.Analysis.Rules;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using DockerLayerLsp.Lsp.Server;

namespace DockerLayerLsp.Lsp.Configuration;

/// <summary>
/// Reading the <c>dockerlayer</c> settings section out of the JSON clients send. Settings are hand-edited JSON:
/// each key is read on its own, so one mistyped value (`"DLC001": "off"`) costs that value with a warning that
/// names it, never the rest of the section. Keys the client itself owns (server.path, trace) are ignored here.
/// </summary>
internal static class Settings
{
    public const string Section = "dockerlayer";

    /// <summary>Settings from <c>initializationOptions</c> (either the section itself or <c>{"dockerlayer": {...}}</c>).</summary>
    public static DockerLayerSettings? FromInitializationOptions(JsonElement? options, ServerLog log)
    {
        if (options is not { ValueKind: JsonValueKind.Object } value) return null;
        return Read(value.TryGetProperty(Section, out var section) ? section : value, log);
    }

    public static DockerLayerSettings? Read(JsonElement element, ServerLog log)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        return new DockerLayerSettings
        {
            Rules = ReadMap(element, "rules", log, value => value.ValueKind switch
            {
                JsonValueKind.True => (true, true),
                JsonValueKind.False => (true, false),
                JsonValueKind.String when bool.TryParse(value.GetString(), out var b) => (true, b),
                _ => (false, false),
            }, "true or false"),
            Severity = ReadMap(element, "severity", log, value => value.ValueKind == JsonValueKind.String ? (true, value.GetString()!) : (false, ""), "a string"),
            BuildContext = ReadBuildContext(element, log),
        };
    }

    private static Dictionary<string, T>? ReadMap<T>(JsonElement section, string key, ServerLog log, Func<JsonElement, (bool Ok, T Value)> read, string expected)
    {
        if (!section.TryGetProperty(key, out var map) || map.ValueKind == JsonValueKind.Null) return null;
        if (map.ValueKind != JsonValueKind.Object)
        {
            log.Warning($"Ignoring {Section}.{key}: expected an object of rule id → {expected}, got {map.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }
        var result = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in map.EnumerateObject())
        {
            if (RuleCatalog.Find(entry.Name) is null)
                log.Warning($"{Section}.{key}: unknown rule \"{entry.Name}\" (rules: {string.Join(", ", RuleCatalog.Descriptors.Select(d => d.Id))})");
            var (ok, value) = read(entry.Value);
            if (!ok)
            {
                log.Warning($"Ignoring {Section}.{key}.{entry.Name}: expected {expected}, got {entry.Value.GetRawText()}");
                continue;
            }
            result[entry.Name] = value;
        }
        return result;
    }

    private static string? ReadBuildContext(JsonElement section, ServerLog log)
    {
        if (!section.TryGetProperty("buildContext", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        log.Warning($"Ignoring {Section}.buildContext: expected a folder path, got {value.GetRawText()}");
        return null;
    }
}
