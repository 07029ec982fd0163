using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Tests.Support;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.CacheOrder;

/// <summary>Unsafe DLC001 fixes on the shapes that once produced Dockerfiles that did not build or did not cache.</summary>
public class UnsafeFixShapeTests
{
    private const string Head = "FROM node:20\nWORKDIR /app\n";
    private static readonly string[] Node = ["package.json", "package-lock.json", "index.js"];

    public static TheoryData<string, string, string> Splits => new()
    {
        {
            "comment line before the &&",
            "COPY . .\nRUN npm ci \\\n    # build it\n    && npm run build \\\n    && npm prune --omit=dev\n",
            "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n# build it\nRUN npm run build \\\n    && npm prune --omit=dev\n"
        },
        {
            "comment line after the &&",
            "COPY . .\nRUN npm ci && \\\n    # build it\n    npm run build\n",
            "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n# build it\nRUN npm run build\n"
        },
        {
            "blank continuation lines",
            "COPY . .\nRUN npm ci \\\n\n    && npm run build \\\n\n    && npm prune\n",
            "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build \\\n\n    && npm prune\n"
        },
        {
            "comment in the install part stays in it",
            "COPY . .\nRUN npm ci \\\n    # quiet\n    --no-audit \\\n    && npm run build\n",
            "COPY package.json package-lock.json ./\nRUN npm ci \\\n    # quiet\n    --no-audit\nCOPY . .\nRUN npm run build\n"
        },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Split_runs_end_the_install_part_and_keep_every_comment(string name, string tail, string expected)
    {
        Assert.NotNull(name);
        CheckSplit(Head + tail, Head + expected);
    }

    [Fact]
    public void Split_with_crlf_line_ends()
    {
        static string Crlf(string s) => s.Replace("\n", "\r\n");
        CheckSplit(Crlf(Head + "COPY . .\nRUN npm ci \\\n    # build it\n    && npm run build\n"),
            Crlf(Head + "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n# build it\nRUN npm run build\n"));
    }

    [Fact]
    public void Split_with_backtick_escape()
        => CheckSplit("# escape=`\n" + Head + "COPY . .\nRUN npm ci `\n    # build it\n    && npm run build\n",
            "# escape=`\n" + Head + "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n# build it\nRUN npm run build\n");

    private static void CheckSplit(string dockerfile, string expected)
    {
        var analysis = Analyze(dockerfile, Node);
        Assert.Equal(FixSafety.Unsafe, Assert.Single(Assert.Single(analysis.Findings).Fixes).Safety);
        Assert.Equal(expected, Fix(analysis, includeUnsafe: true));
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void Workdir_into_the_project_after_the_copy_moves_the_install_before_the_source()
    {
        string[] files = ["web/package.json", "web/package-lock.json", "web/index.js"];
        var analysis = Analyze(Head + "COPY . .\nWORKDIR /app/web\nRUN npm ci\n", files);
        Assert.Equal(FixSafety.Unsafe, Assert.Single(Assert.Single(analysis.Findings).Fixes).Safety);
        Assert.Equal(Head + "COPY web/package.json web/package-lock.json /app/web/\nRUN cd /app/web && npm ci\nCOPY . .\nWORKDIR /app/web\n",
            Fix(analysis, includeUnsafe: true));
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void Heredoc_that_installs_with_npm_ci_and_builds_gets_no_fix_that_runs_npm_ci_twice()
    {
        var analysis = Analyze(Head + "COPY . .\nRUN <<EOF\nnpm ci\nnpm run build\nEOF\n", Node);
        Assert.Empty(Assert.Single(analysis.Findings).Fixes);
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void Heredoc_with_an_idempotent_install_still_installs_once_before_the_source()
    {
        var analysis = Analyze(Head + "COPY . .\nRUN <<EOF\nnpm install\nnpm run build\nEOF\n", Node);
        Assert.Equal(Head + "COPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\nRUN <<EOF\nnpm install\nnpm run build\nEOF\n",
            Fix(analysis, includeUnsafe: true));
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void Invariants_catch_a_copy_swallowed_by_a_dangling_escape()
    {
        var analysis = Analyze(Head + "COPY . .\nRUN npm ci \\\n    # build it\n    && npm run build\n", Node);
        var fix = analysis.Findings[0].Fixes[0];
        var swallowed = Head + "COPY package.json package-lock.json ./\nRUN npm ci \\\n    # build it\nCOPY . .\nRUN npm run build\n";
        Assert.Contains(FixInvariants.CheckResult(analysis, fix, swallowed), p => p.Contains("(copy \".\" \".\")", StringComparison.Ordinal));
    }

    [Fact]
    public void Invariants_catch_an_install_that_starts_over_running_again_after_the_source()
    {
        string[] files = ["web/package.json", "web/package-lock.json", "web/index.js"];
        var analysis = Analyze(Head + "COPY . .\nWORKDIR /app/web\nRUN npm ci\n", files);
        var fix = analysis.Findings[0].Fixes[0];
        var repeated = Head + "COPY web/package.json web/package-lock.json /app/web/\nRUN cd /app/web && npm ci\nCOPY . .\nWORKDIR /app/web\nRUN npm ci\n";
        Assert.Contains(FixInvariants.CheckResult(analysis, fix, repeated), p => p.Contains("`npm ci` now runs 2 times", StringComparison.Ordinal));
    }
}
