using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Tests.Support;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.SystemPackages;

public class Dlc002Tests
{
    [Fact]
    public void A_long_continued_install_is_marked_on_its_first_line_and_quoted_on_one_line()
    {
        var text = "FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y \\\n        build-essential \\\n        libpq-dev \\\n        curl\n";
        var analysis = Analyze(text, "main.c");
        var finding = Assert.Single(analysis.Findings, f => f.RuleId == "DLC002");
        Assert.Equal("RUN apt-get update && apt-get install -y \\", analysis.Tree.Text.ToString(finding.Span));
        Assert.Contains("`apt-get install -y build-essential libpq-dev curl` (line 4)", finding.Message);
    }

    [Theory]
    [InlineData("apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*")]
    [InlineData("apk add --no-cache curl")]
    [InlineData("yum install -y git")]
    [InlineData("dnf -y install gcc")]
    [InlineData("microdnf install -y tar")]
    [InlineData("zypper --non-interactive in git")]
    [InlineData("pacman -Sy --noconfirm git")]
    [InlineData("apt install -y curl")]
    public void System_package_install_after_source_copy_moves_before_it(string install)
    {
        var text = $"FROM debian:12\nWORKDIR /app\nCOPY . .\nEXPOSE 80\nRUN {install}\nCMD [\"./run\"]\n";
        var analysis = Analyze(text, "run", "main.c");
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal("DLC002", finding.RuleId);
        Assert.Equal("5:1", Where(analysis, finding.Span));
        Assert.Equal(FixSafety.Safe, Assert.Single(finding.Fixes).Safety);
        var fixedText = Fix(analysis);
        Assert.Equal($"FROM debian:12\nWORKDIR /app\nRUN {install}\nCOPY . .\nEXPOSE 80\nCMD [\"./run\"]\n", fixedText);
        Assert.Empty(Analyze(fixedText, "run", "main.c").Findings);
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Fact]
    public void A_run_in_between_makes_the_move_unsafe()
    {
        var analysis = Analyze("FROM debian:12\nCOPY . /src\nRUN echo 'deb http://x stable main' > /etc/apt/sources.list.d/x.list && ./configure\nRUN apt-get update && apt-get install -y x\n", "configure", "main.c");
        var finding = Assert.Single(analysis.Findings, f => f.RuleId == "DLC002");
        Assert.Equal(FixSafety.Unsafe, Assert.Single(finding.Fixes).Safety);
        Assert.Empty(FixInvariants.Check(analysis));
    }

    [Theory]
    [InlineData("FROM debian:12\nCOPY . /src\nRUN apt-get install -y ./pkg.deb\n")]
    [InlineData("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY . /src\n")]
    [InlineData("FROM debian:12\nCOPY . /src\nRUN apt-get update && apt-get install -y curl && make -C /src\n")]
    [InlineData("FROM debian:12\nCOPY requirements.txt /src/\nRUN apt-get update && apt-get install -y curl\n")]
    [InlineData("FROM debian:12\nCOPY . /src\nRUN apt-get update && apt-get install -y $(cat /src/packages.txt)\n")]
    public void Quiet_when_the_install_reads_the_context_or_nothing_broad_comes_first(string text)
        => Assert.DoesNotContain(Analyze(text, "pkg.deb", "main.c", "requirements.txt", "packages.txt").Findings, f => f.RuleId == "DLC002");

    [Fact]
    public void No_fix_across_a_user_switch()
    {
        var analysis = Analyze("FROM debian:12\nCOPY . /src\nUSER app\nRUN apt-get install -y curl\n", "main.c");
        Assert.Empty(Assert.Single(analysis.Findings).Fixes);
    }
}
