using DockerLayerLsp.Analysis.Hover;
using DockerLayerLsp.Analysis.Incremental;
using DockerLayerLsp.Syntax;
using FsCheck;
using FsCheck.Xunit;
using BuildContextModel = DockerLayerLsp.Analysis.BuildContext.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.Incremental;

/// <summary>Hovers from the incremental pipeline's per-stage models say exactly what hovers from the whole-file model say.</summary>
public class IncrementalHoverProperties
{
    private static readonly string[] Fragments =
    [
        "", "a", "\n", "\\\n", "FROM web AS api\n", "FROM web\n", "FROM scratch AS web\n", "COPY --from=web /a /b\n", "COPY --from=0 /a /b\n",
        "ARG V=1\n", "ENV A=$V\n", "RUN echo ${A}\n", "WORKDIR /app\n", "COPY . .\n", "RUN npm ci\n", "# dockerlayer ignore=DLC001\n",
    ];

    private static readonly BuildContextModel Context = BuildContextModel.FromFiles("/ctx", ["package.json", "package-lock.json", "index.js", "Dockerfile"]);

    private const string Start = """
        ARG BASE=node:20
        FROM ${BASE} AS web
        WORKDIR /app
        COPY . .
        RUN npm ci
        FROM web AS test
        RUN echo $BASE
        FROM scratch
        COPY --from=web /app /app
        COPY --from=1 /x /y
        """;

    [Property(MaxTest = 100)]
    public void Incremental_hovers_equal_whole_file_hovers(uint[] script, bool withContext)
    {
        var tree = SyntaxTree.Parse(Start);
        var analyzer = new IncrementalAnalyzer();
        var context = withContext ? Context : null;
        Check(analyzer.Analyze(tree, context));
        foreach (var op in script)
        {
            var length = tree.Text.Length;
            var start = (int)(op % (uint)(length + 1));
            var deleted = Math.Min((int)(op / 7919 % 6), length - start);
            tree = tree.WithChanges(new TextChange(new TextSpan(start, deleted), Fragments[(int)(op / 104729 % (uint)Fragments.Length)]));
            Check(analyzer.Analyze(tree, context));
        }
    }

    private static void Check(IncrementalAnalysis analysis)
    {
        var whole = analysis.Document;
        // Every offset: keywords, variables, findings and the stage-level explanations are all offset-dependent.
        for (var offset = 0; offset <= analysis.Tree.Text.Length; offset++)
        {
            var expected = HoverProvider.GetHover(whole, offset);
            var actual = HoverProvider.GetHover(analysis, offset);
            Assert.True(expected == actual, $"text:\n{analysis.Tree.Text}\noffset {offset}\nwhole:\n{expected}\nincremental:\n{actual}");
        }
    }
}
