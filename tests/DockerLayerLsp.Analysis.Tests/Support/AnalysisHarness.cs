using DockerLayerLsp.Analysis;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Syntax;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.Support;

/// <summary>One data-driven entry point for rule tests: Dockerfile text + context files in, findings and fixed text out.</summary>
internal static class AnalysisHarness
{
    public static DocumentAnalysis Analyze(string dockerfile, params string[] contextFiles)
        => DockerfileAnalyzer.Analyze(SyntaxTree.Parse(dockerfile), BuildContextModel.FromFiles("/ctx", contextFiles.Append("Dockerfile")));

    public static DocumentAnalysis AnalyzeWithIgnore(string dockerfile, string dockerignore, params string[] contextFiles)
        => DockerfileAnalyzer.Analyze(SyntaxTree.Parse(dockerfile), BuildContextModel.FromFiles("/ctx", contextFiles.Append("Dockerfile"), dockerignore));

    /// <summary>
    /// Analyses with a build context on disk, so manifest content can be read: each entry is a path, or
    /// "path => content" for a file whose content matters (package.json workspaces, csproj references).
    /// </summary>
    public static DocumentAnalysis AnalyzeOnDisk(string dockerfile, params string[] contextFiles)
    {
        var root = Path.Combine(Path.GetTempPath(), "dockerlayer-tests", Guid.NewGuid().ToString("N"));
        foreach (var entry in contextFiles.Append("Dockerfile"))
        {
            var arrow = entry.IndexOf(" => ", StringComparison.Ordinal);
            var path = Path.Combine(root, (arrow < 0 ? entry : entry[..arrow]).Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, arrow < 0 ? "" : entry[(arrow + 4)..]);
        }
        return DockerfileAnalyzer.Analyze(SyntaxTree.Parse(dockerfile), BuildContextModel.Load(root));
    }

    /// <summary>Applies every fix (safe only unless asked) and returns the new text.</summary>
    public static string Fix(DocumentAnalysis analysis, bool includeUnsafe = false) => FixAll.Apply(analysis, includeUnsafe).Text;

    /// <summary>"line:col" (1-based) of a finding's start, for compact assertions.</summary>
    public static string Where(DocumentAnalysis analysis, TextSpan span)
    {
        var position = analysis.Tree.Text.GetLinePosition(span.Start);
        return $"{position.Line + 1}:{position.Character + 1}";
    }

    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DockerLayerLsp.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("DockerLayerLsp.sln not found above the test binaries");
    }
}
