using DockerLayerLsp.Analysis.Findings;
using static DockerLayerLsp.Analysis.Tests.Support.AnalysisHarness;

namespace DockerLayerLsp.Analysis.Tests.Rules;

public class InstructionQuoteTests
{
    [Theory]
    [InlineData("COPY . .", '\\', "COPY . .")]
    [InlineData("COPY --chown=node \\\n     --chmod=644 \\\n     . .", '\\', "COPY --chown=node --chmod=644 . .")]
    [InlineData("COPY --chown=node `\r\n    # why\r\n\r\n    . .", '`', "COPY --chown=node . .")]
    [InlineData("COPY <<EOF /app/config\nline \\\nEOF", '\\', "COPY <<EOF /app/config")]
    [InlineData("COPY    .\t\t./app", '\\', "COPY . ./app")]
    public void Quotes_the_logical_line(string text, char escape, string expected)
        => Assert.Equal(expected, InstructionQuote.Of(text, escape));

    [Fact]
    public void Cuts_long_instructions()
    {
        var quote = InstructionQuote.Of("COPY --chown=" + new string('x', 10_000) + " . .", '\\');
        Assert.Equal(InstructionQuote.MaxLength + 1, quote.Length);
        Assert.EndsWith("…", quote);
    }

    [Fact]
    public void The_finding_quotes_a_continued_copy_whole()
    {
        var analysis = Analyze("FROM node:22\nWORKDIR /app\nCOPY --chown=node \\\n    . .\nRUN npm ci\n", "package.json", "package-lock.json", "index.js");
        var finding = Assert.Single(analysis.Findings, f => f.RuleId == "DLC001");
        Assert.Contains("`COPY --chown=node . .` brings in more", finding.Message);
    }
}
