using System.Collections.Concurrent;
using DockerLayerLsp.Analysis;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Incremental;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using DockerLayerLsp.Syntax;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Lsp.Workspace;

/// <summary>
/// Everything besides the text that an analysis depends on: the <c>dockerlayer</c> settings and the
/// build contexts on disk. Immutable apart from a memo of loaded build contexts; a settings change
/// or a watched-file event makes a new environment (next <see cref="Generation"/>, empty memo), so
/// every open document is re-analysed against fresh inputs and nothing stale is ever reused.
/// </summary>
public sealed class AnalysisEnvironment
{
    private readonly ConcurrentDictionary<(string ContextDirectory, string DockerfilePath), Lazy<BuildContextModel?>> _contexts = new();
    private readonly Action<string> _warn;
    private readonly ConcurrentDictionary<string, bool> _missingWarned = new(StringComparer.Ordinal);

    public AnalysisEnvironment(DockerLayerSettings settings, string? rootPath, int generation, Action<string> warn)
    {
        Settings = settings;
        RootPath = rootPath;
        Generation = generation;
        _warn = warn;
        Options = ToAnalyzerOptions(settings, warn);
    }

    public DockerLayerSettings Settings { get; }
    public string? RootPath { get; }
    public int Generation { get; }
    public AnalyzerOptions Options { get; }

    public AnalysisEnvironment WithSettings(DockerLayerSettings settings) => new(settings, RootPath, Generation + 1, _warn);
    public AnalysisEnvironment WithRootPath(string? rootPath) => new(Settings, rootPath, Generation + 1, _warn);
    /// <summary>Forget loaded build contexts (a manifest or .dockerignore changed on disk).</summary>
    public AnalysisEnvironment Reloaded() => new(Settings, RootPath, Generation + 1, _warn);

    public IncrementalAnalysis Analyze(string uri, SyntaxTree tree, IncrementalAnalyzer analyzer) => analyzer.Analyze(tree, GetBuildContext(uri), Options);

    /// <summary>The build context directory of a Dockerfile: the configured one, else the Dockerfile's folder.</summary>
    public string? GetContextDirectory(string dockerfilePath)
    {
        var configured = Settings.BuildContext;
        if (string.IsNullOrWhiteSpace(configured)) return Path.GetDirectoryName(dockerfilePath);
        if (Path.IsPathRooted(configured)) return Path.GetFullPath(configured);
        var baseDirectory = RootPath ?? Path.GetDirectoryName(dockerfilePath) ?? ".";
        return Path.GetFullPath(Path.Combine(baseDirectory, configured));
    }

    private BuildContextModel? GetBuildContext(string uri)
    {
        var dockerfilePath = DockerfileNames.ToLocalPath(uri);
        if (dockerfilePath is null) return null;
        var contextDirectory = GetContextDirectory(dockerfilePath);
        if (contextDirectory is null) return null;
        if (!Directory.Exists(contextDirectory))
        {
            // Without a context the rules can name manifests but not check them: say so once, not per keystroke.
            if (_missingWarned.TryAdd(contextDirectory, true))
                _warn($"Build context {contextDirectory} does not exist: {dockerfilePath} is analyzed without one (check dockerlayer.buildContext)");
            return null;
        }
        var lazy = _contexts.GetOrAdd((contextDirectory, dockerfilePath), key => new Lazy<BuildContextModel?>(() => Load(key.ContextDirectory, key.DockerfilePath)));
        return lazy.Value;
    }

    private BuildContextModel? Load(string contextDirectory, string dockerfilePath)
    {
        try
        {
            return BuildContextModel.Load(contextDirectory, dockerfilePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warn($"Cannot read build context {contextDirectory}: {e.Message}");
            return null;
        }
    }

    private static AnalyzerOptions ToAnalyzerOptions(DockerLayerSettings settings, Action<string> warn)
    {
        Dictionary<string, FindingSeverity>? severities = null;
        foreach (var (ruleId, value) in settings.Severity ?? [])
        {
            FindingSeverity? severity = value?.ToLowerInvariant() switch
            {
                "error" => FindingSeverity.Error,
                "warning" => FindingSeverity.Warning,
                "information" or "info" => FindingSeverity.Information,
                "hint" => FindingSeverity.Hint,
                _ => null,
            };
            if (severity is null)
            {
                warn($"dockerlayer.severity.{ruleId}: \"{value}\" is not one of error, warning, information, hint; ignored.");
                continue;
            }
            (severities ??= new(StringComparer.OrdinalIgnoreCase))[ruleId] = severity.Value;
        }
        var rules = settings.Rules is { Count: > 0 } ? new Dictionary<string, bool>(settings.Rules, StringComparer.OrdinalIgnoreCase) : null;
        return new AnalyzerOptions(rules, severities);
    }
}
