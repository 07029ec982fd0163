using DockerLayerLsp.Analysis.Incremental;
using DockerLayerLsp.Syntax;
using FsCheck;
using FsCheck.Xunit;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.Incremental;

/// <summary>For random edit sequences over real Dockerfiles, the incremental pipeline reports exactly what the whole-file analyzer reports.</summary>
public class IncrementalEquivalenceProperties
{
    private static readonly string[] Fragments =
    [
        "", "a", " ", "\n", "\\\n", "#", "# dockerlayer ignore=DLC001\n", "COPY . .\n", "RUN npm ci\n", "RUN go mod download\n",
        "RUN pip install -r requirements.txt\n", "WORKDIR /app\n", "FROM node:20 AS web\n", "FROM web\n", "ARG V=1\n", "ENV A=$V\n",
        "COPY package.json ./\n", "RUN <<EOF\nnpm ci\nEOF\n", "\r\n", "--from=web ", "USER app\n", "$V",
    ];

    private static readonly BuildContextModel Context = BuildContextModel.FromFiles("/ctx",
        ["go.mod", "go.sum", "main.go", "package.json", "package-lock.json", "yarn.lock", "index.js", "requirements.txt", "app.py", "src/lib.py", "Dockerfile"]);

    private static readonly IReadOnlyList<string> Files = LoadFiles();

    private static string[] LoadFiles()
    {
        var shared = Path.GetFullPath(Path.Combine(Support.AnalysisHarness.RepoRoot(), "..", "shared"));
        var real = Path.Combine(shared, "corpus", "real");
        var files = Directory.Exists(real) ? Directory.GetDirectories(real).Select(d => Path.Combine(d, "Dockerfile")).Where(File.Exists).Order(StringComparer.Ordinal).ToList() : [];
        var medium = Path.Combine(shared, "bench", "inputs", "medium.Dockerfile");
        if (File.Exists(medium)) files.Add(medium);
        return files.Select(File.ReadAllText).ToArray();
    }

    [Property(MaxTest = 150)]
    public void Incremental_findings_equal_full_analysis(NonNegativeInt file, uint[] script, bool withContext)
    {
        if (Files.Count == 0) return;
        var tree = SyntaxTree.Parse(Files[file.Get % Files.Count]);
        var analyzer = new IncrementalAnalyzer();
        Check(analyzer.Analyze(tree, withContext ? Context : null));
        foreach (var op in script)
        {
            var length = tree.Text.Length;
            var start = (int)(op % (uint)(length + 1));
            var deleted = Math.Min((int)(op / 7919 % 6), length - start);
            tree = tree.WithChanges(new TextChange(new TextSpan(start, deleted), Fragments[(int)(op / 104729 % (uint)Fragments.Length)]));
            // Now and then the context comes and goes, as when a build context is loaded or forgotten.
            if (op % 11 == 0) withContext = !withContext;
            Check(analyzer.Analyze(tree, withContext ? Context : null));
        }
    }

    // The properties above draw from these files and return early without them: this test is what says so.
    [SkippableFact]
    public void The_real_corpus_and_the_medium_input_are_found()
    {
        Skip.If(Files.Count == 0, "../shared (corpus/real, bench/inputs) is not present next to the repository; the incremental-analysis properties ran on no files");
        Assert.True(Files.Count >= 40, $"{Files.Count} files");
    }

    private static void Check(IncrementalAnalysis analysis)
    {
        var full = DockerfileAnalyzer.Analyze(analysis.Tree, analysis.BuildContext);
        Assert.True(FindingValues.SequenceEqual(full.Findings, analysis.Findings),
            $"text:\n{analysis.Tree.Text}\nfull:\n{string.Join('\n', full.Findings)}\nincremental:\n{string.Join('\n', analysis.Findings)}");
    }
}
