using System.Text;

namespace DockerLayerLsp.Syntax.Tests;

/// <summary>Losslessness and "never throws" on hostile inputs.</summary>
public class RoundTripTests
{
    public static TheoryData<string, string> NastyInputs => new()
    {
        { "empty", "" },
        { "only LF", "\n" },
        { "only CR", "\r" },
        { "only CRs", "\r\r\r" },
        { "CRLF", "FROM alpine\r\nRUN echo a \\\r\n  b\r\n" },
        { "mixed endings", "FROM a\nRUN x \\\r\n y\rRUN z\r\n\nCMD q" },
        { "BOM", "\uFEFFFROM alpine\nRUN true\n" },
        { "BOM + directive", "\uFEFF# escape=`\nFROM a\nRUN x `\n y\n" },
        { "backtick escape", "# escape=`\nFROM windows\nRUN dir `\n  c:\\\nCOPY a\\b c:\\d\n" },
        { "no final newline", "FROM a\nRUN b" },
        { "trailing spaces", "FROM a   \nRUN b \\   \n  c   " },
        { "unterminated heredoc", "FROM a\nRUN <<EOF\necho hi\n" },
        { "half-typed COPY --from=", "FROM a AS b\nCOPY --from=" },
        { "half-typed COPY --", "FROM a\nCOPY --" },
        { "half-typed flag quote", "FROM a\nRUN --mount=type=\"cache" },
        { "NUL chars", "FROM a\0b\nRUN \0\n\0" },
        { "lone surrogates", "FROM \uD800a\nRUN \uDC00 \"\uD800\"\nLABEL x=\uDFFF\n" },
        { "surrogate pair", "FROM a\nRUN echo \U0001F600 --x=\U0001F600\nCOPY --chown=\U0001F600 a b\n" },
        { "continuation at eof", "FROM a\nRUN x \\" },
        { "lone escape line", "\\\nFROM a" },
        { "lone escape at eof", "\\" },
        { "comment continuation", "FROM a\nRUN a \\\n# c \\\n\n  b\n" },
        { "heredoc after continuation", "FROM a\nRUN \\\n  <<EOF cat\nhello\nEOF\n" },
        { "onbuild heredoc", "FROM a\nONBUILD RUN <<EOF\nx\nEOF\n" },
        { "many heredocs", "FROM a\nCOPY <<A <<B <<-C /d\n1\nA\n2\nB\n\t3\n\tC\n" },
        { "bad json", "FROM a\nCMD [\"a\", 1, [2], {\"k\": null}]\nRUN [\nENTRYPOINT [\"x\"" },
        { "directive junk", "# escape=x\n# escape=\\\n# syntax=a\n# syntax=b\nFROM a" },
        { "ENV variants", "FROM a\nENV A\nENV B=1 C\nENV D 1 2 3\nLABEL \"x y\"=z\nARG\nENV\n" },
        { "healthcheck", "FROM a\nHEALTHCHECK\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD [\"a\"]\nHEALTHCHECK CMD\n" },
        { "unicode spaces", "FROM\u00A0a\nRUN\u2003x\nLABEL a=b\u00A0c\nCOPY --x=\u00E0 y z\nHEALTHCHECK \u00E0\u00A0CMD x\n" },
        { "windows paths", "FROM a\nCOPY C:\\\\x\\\\ D:\\\\\nWORKDIR C:\\\n" },
        { "odd heredoc words", "FROM a\nRUN <<'EOF\nRUN <<\"\" x\nRUN <<${X\nRUN 99999999999999999999<<E\nE\nRUN <<- EOF\nRUN <<EOF <<EOF\nEOF\nEOF\n" },
    };

    [Theory]
    [MemberData(nameof(NastyInputs))]
    public void Nasty_inputs_round_trip_and_do_not_throw(string name, string input)
    {
        _ = name;
        var tree = SyntaxTree.Parse(input);
        AssertTreeInvariants(tree, input);
    }

    [Fact]
    public void Very_long_file_parses()
    {
        var builder = new StringBuilder("FROM alpine\n");
        for (var i = 0; i < 70_000; i++) builder.Append("RUN echo ").Append(i).Append(" \\\n  && true\n# c\n\n");
        var input = builder.ToString();
        // Speed is measured by the benchmarks project; a wall-clock bound here would be flaky on a loaded CI machine.
        var tree = SyntaxTree.Parse(input);
        Assert.Equal(70_001, tree.Root.Instructions.Count);
        AssertTreeInvariants(tree, input, thorough: false);
    }

    [Fact]
    public void One_huge_continued_instruction()
    {
        var builder = new StringBuilder("FROM a\nRUN true");
        for (var i = 0; i < 70_000; i++) builder.Append(" \\\n && x").Append(i);
        var input = builder.ToString();
        var tree = SyntaxTree.Parse(input);
        Assert.Equal(70_001, tree.Root.Instructions[1].EndLine);
        AssertTreeInvariants(tree, input, thorough: false);
    }

    [Fact]
    public void Over_long_physical_line_is_an_error()
    {
        var input = "FROM a\nRUN " + new string('x', 70_000) + "\n";
        var tree = SyntaxTree.Parse(input);
        var error = Assert.Single(BuildKitDump.Dump(tree).Errors);
        Assert.Equal("dockerfile line greater than max allowed size of 65535", error.Message);
        Assert.Equal(1, tree.Text.GetLinePosition(error.Span.Start).Line);
        AssertTreeInvariants(tree, input);
    }

    [Fact]
    public void Random_inputs_round_trip()
    {
        var random = new Random(12345);
        string[] atoms =
        [
            "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "ONBUILD ", "HEALTHCHECK ", "CMD ", "run ", "x", "=", "\"", "'",
            "\\", "`", "#", " ", "\t", "\n", "\r\n", "\r", "<<", "<<-", "EOF", "[", "]", ",", "--", "--mount=", "$", "${", "}", ":-",
            "\uFEFF", "\0", "\u00A0", "\u00E9", "\uD800", "\U0001F600", "# escape=`\n", "# syntax=x\n",
        ];
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 40);
            for (var k = 0; k < count; k++) builder.Append(atoms[random.Next(atoms.Length)]);
            var input = builder.ToString();
            var tree = SyntaxTree.Parse(input);
            AssertTreeInvariants(tree, input);
        }
    }

    /// <summary>Everything a consumer may touch must work and be consistent.</summary>
    internal static void AssertTreeInvariants(SyntaxTree tree, string input, bool thorough = true)
    {
        Assert.Equal(input, tree.ToFullString());
        var position = 0;
        foreach (var child in tree.Root.Children)
        {
            Assert.Equal(position, child.FullSpan.Start);
            Assert.True(child.FullSpan.Contains(child.Span) || child.Span.IsEmpty, $"{child.Span} outside {child.FullSpan}");
            position = child.FullSpan.End;
        }
        Assert.Equal(input.Length, position);
        Assert.Equal(input, string.Concat(tree.Root.Children.Select(c => c.ToFullString())));

        foreach (var instruction in tree.Root.Instructions)
        {
            if (!thorough) continue;
            CheckInstruction(tree, instruction);
            if (instruction.OnbuildInstruction is { } nested) CheckInstruction(tree, nested);
            _ = instruction.LeadingComments;
            _ = instruction.InteriorComments;
        }
        foreach (var diagnostic in tree.Diagnostics)
        {
            Assert.InRange(diagnostic.Span.Start, 0, input.Length);
            Assert.InRange(diagnostic.Span.End, diagnostic.Span.Start, input.Length);
        }
        _ = BuildKitDump.Dump(tree);
        for (var offset = 0; offset <= input.Length; offset += Math.Max(1, input.Length / 50))
        {
            var line = tree.Text.GetLinePosition(offset);
            var insideCrLf = offset > 0 && offset < input.Length && input[offset - 1] == '\r' && input[offset] == '\n';
            if (!insideCrLf) Assert.Equal(offset, tree.Text.GetOffset(line));
            _ = tree.Text.GetUtf8Character(offset);
            _ = tree.FindInstruction(offset);
        }
    }

    private static void CheckInstruction(SyntaxTree tree, InstructionSyntax instruction)
    {
        var length = tree.Text.Length;
        void InText(TextSpan span) => Assert.True(span.Start >= 0 && span.End <= length && span.Length >= 0, $"{span} outside text");
        InText(instruction.Span);
        InText(instruction.KeywordSpan);
        InText(instruction.ArgumentSpan);
        // A continuation may split the keyword itself ("RU\" then "N" on the next line): only its first character must match.
        if (instruction.Keyword.Length > 0) Assert.Equal(instruction.Keyword[0], tree.Text[instruction.KeywordSpan.Start]);
        Assert.True(instruction.StartLine <= instruction.EndLine);
        foreach (var flag in instruction.Flags) { InText(flag.Span); InText(flag.NameSpan); }
        foreach (var word in instruction.Words) InText(word.Span);
        foreach (var kv in instruction.KeyValues) { InText(kv.Span); InText(kv.KeySpan); }
        foreach (var heredoc in instruction.Heredocs) { InText(heredoc.WordSpan); InText(heredoc.BodySpan); InText(heredoc.TerminatorSpan); }
        foreach (var argument in instruction.ExecArguments ?? []) InText(argument.Span);
        for (var i = 0; i <= instruction.ArgumentText.Length; i++)
        {
            var offset = instruction.MapArgumentOffset(i);
            Assert.InRange(offset, 0, length);
            if (i < instruction.ArgumentText.Length) Assert.Equal(instruction.ArgumentText[i], tree.Text[offset]);
        }
        _ = instruction.ToBuildKitDump();
        _ = VariableScanner.Scan(instruction);
    }
}
