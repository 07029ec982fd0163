namespace DockerLayerLsp.Syntax.Tests;

/// <summary>The positioned API others build on: spans, lines, flags, words, key/values, heredocs, ONBUILD.</summary>
public class InstructionSyntaxTests
{
    private static (SyntaxTree Tree, InstructionSyntax Instruction) Parse(string text, int index)
    {
        var tree = SyntaxTree.Parse(text);
        return (tree, tree.Root.Instructions[index]);
    }

    private static string At(SyntaxTree tree, TextSpan span) => tree.Text.ToString(span);

    [Fact]
    public void Spans_lines_and_comments_of_a_continued_instruction()
    {
        const string text = "FROM a\n# leading\n  RUN a \\\n  # inner\n\n    b\nCMD x\n";
        var (tree, run) = Parse(text, 1);

        Assert.Equal(InstructionKind.Run, run.Kind);
        Assert.Equal("RUN", run.Keyword);
        Assert.Equal(text.IndexOf("  RUN", StringComparison.Ordinal), run.FullSpan.Start);
        Assert.Equal(text.IndexOf("RUN", StringComparison.Ordinal), run.Span.Start);
        Assert.Equal(text.IndexOf("CMD", StringComparison.Ordinal), run.FullSpan.End);
        Assert.Equal(text.IndexOf("    b", StringComparison.Ordinal) + 5, run.Span.End);
        Assert.Equal((2, 5), (run.StartLine, run.EndLine));
        Assert.Equal("a     b", run.ArgumentText);
        Assert.Equal(ArgumentForm.Shell, run.Form);
        Assert.Equal(text.IndexOf("a \\", StringComparison.Ordinal), run.MapArgumentOffset(0));
        Assert.Equal(text.LastIndexOf('b'), run.MapArgumentOffset(6));
        Assert.Equal(["a", "b"], run.Words.Select(w => w.Text));
        Assert.Equal("b", At(tree, run.Words[1].Span));
        Assert.Equal(["# leading"], run.LeadingComments.Select(c => c.Text));
        Assert.Equal("leading", run.LeadingComments[0].Content);
        Assert.Equal(["# inner"], run.InteriorComments.Select(c => c.Text));

        var warning = Assert.Single(tree.Diagnostics);
        Assert.Equal(("DLS010", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Equal("Empty continuation line found in: RUN a     b", warning.Message);
        Assert.Equal(4, tree.Text.GetLinePosition(warning.Span.Start).Line);
    }

    [Fact]
    public void Children_are_instructions_and_trivia_lines()
    {
        var tree = SyntaxTree.Parse("# syntax=docker/dockerfile:1\n\n# about\nFROM a\n   \n");
        Assert.Collection(tree.Root.Children,
            c => Assert.Equal("syntax", Assert.IsType<ParserDirectiveSyntax>(c).Directive!.Name),
            c => Assert.IsType<BlankLineSyntax>(c),
            c => Assert.Equal("# about", Assert.IsType<CommentSyntax>(c).Text),
            c => Assert.IsType<InstructionSyntax>(c),
            c => Assert.IsType<BlankLineSyntax>(c));
        Assert.DoesNotContain(tree.Root.Instructions[0].LeadingComments, c => c.Text.Contains("syntax"));
    }

    [Fact]
    public void Blank_line_separates_leading_comments()
    {
        var (_, from) = Parse("# not mine\n\n# mine\n# also mine\nFROM a\n", 0);
        Assert.Equal(["# mine", "# also mine"], from.LeadingComments.Select(c => c.Text));
    }

    [Fact]
    public void Flags_are_parsed_for_every_instruction_with_spans()
    {
        var (tree, copy) = Parse("FROM a\nCOPY --from=build --chown=1:1 --link src/ /dst/\n", 1);

        Assert.Equal(["from", "chown", "link"], copy.Flags.Select(f => f.Name));
        Assert.Equal(["build", "1:1", null], copy.Flags.Select(f => f.Value));
        Assert.Equal("--from=build", copy.Flags[0].Raw);
        Assert.Equal("--from=build", At(tree, copy.Flags[0].Span));
        Assert.Equal("from", At(tree, copy.Flags[0].NameSpan));
        Assert.Equal("build", At(tree, copy.Flags[0].ValueSpan!.Value));
        Assert.Null(copy.Flags[2].ValueSpan);
        Assert.Equal("src/ /dst/", copy.ArgumentText);
        Assert.Equal("src/ /dst/", At(tree, copy.ArgumentSpan));
        Assert.Equal(["src/", "/dst/"], copy.Words.Select(w => w.Value));

        var (_, from) = Parse("FROM --platform=$BUILDPLATFORM golang AS build\n", 0);
        Assert.Equal("platform", Assert.Single(from.Flags).Name);
        Assert.Equal(["golang", "AS", "build"], from.DumpValues);
    }

    [Fact]
    public void Half_typed_flag_is_still_a_flag()
    {
        var (tree, copy) = Parse("FROM a AS b\nCOPY --from=", 1);
        var flag = Assert.Single(copy.Flags);
        Assert.Equal(("from", ""), (flag.Name, flag.Value));
        Assert.Equal(0, flag.ValueSpan!.Value.Length);
        Assert.Equal(tree.Text.Length, flag.ValueSpan.Value.Start);
        Assert.Equal("", copy.ArgumentText);
        Assert.Equal(ArgumentForm.None, copy.Form);
        Assert.Equal(tree.Text.Length, copy.Span.End);
    }

    [Fact]
    public void Quoted_flag_values_lose_their_quotes_in_raw()
    {
        var (_, run) = Parse("RUN --mount=type=secret,id=\"my id\" make\n", 0);
        Assert.Equal("--mount=type=secret,id=my id", run.Flags[0].Raw);
        Assert.Equal("make", run.ArgumentText);
    }

    [Fact]
    public void Flags_use_backslash_even_with_backtick_escape()
    {
        var (_, copy) = Parse("# escape=`\nCOPY --x=a\\ b`c d e\n", 0);
        Assert.Equal("--x=a b`c", copy.Flags[0].Raw);
        Assert.Equal("d e", copy.ArgumentText);
    }

    [Fact]
    public void Non_ascii_flag_keeps_text_but_dumps_latin1_bytes()
    {
        var (_, copy) = Parse("COPY --chown=\u00e9 a b\n", 0);
        Assert.Equal("--chown=\u00e9", copy.Flags[0].Raw);
        Assert.Equal("(copy [\"--chown=\u00c3\u00a9\"] \"a\" \"b\")", copy.ToBuildKitDump());
    }

    [Fact]
    public void Exec_form_decodes_json_with_element_spans()
    {
        var (tree, cmd) = Parse("CMD [\"a\", \"b c\", \"\\u0041\"]\n", 0);
        Assert.Equal(ArgumentForm.Exec, cmd.Form);
        Assert.Equal(["a", "b c", "A"], cmd.ExecArguments!.Select(a => a.Value));
        Assert.Equal("\"b c\"", At(tree, cmd.ExecArguments![1].Span));
        Assert.Empty(cmd.Words);
    }

    [Theory]
    [InlineData("CMD ['a','b']", "(cmd \"['a','b']\")")]
    [InlineData("CMD [\"echo\", \"x\"", "(cmd \"[\\\"echo\\\", \\\"x\\\"\")")]
    [InlineData("COPY [\"a\" b", "(copy \"[\\\"a\\\"\" \"b\")")]
    [InlineData("CMD []", "(cmd)")]
    [InlineData("CMD [\"\"]", "(cmd \"\")")]
    public void Invalid_json_falls_back_to_shell_form(string line, string dump)
    {
        var (_, instruction) = Parse(line, 0);
        Assert.Equal(dump, instruction.ToBuildKitDump());
    }

    [Fact]
    public void Json_with_non_string_element_is_a_buildkit_error_on_that_element()
    {
        var (tree, cmd) = Parse("CMD [\"a\", 1]", 0);
        var error = Assert.Single(BuildKitDump.Dump(tree).Errors);
        Assert.Equal("DLS004", error.Code);
        Assert.Equal("1", At(tree, error.Span));
        Assert.Equal(ArgumentForm.Exec, cmd.Form);
    }

    [Fact]
    public void Env_label_arg_key_values()
    {
        var (tree, env) = Parse("ENV A=1 B=\"x y\" C=$D E=a\\ b\n", 0);
        Assert.Equal(["A", "B", "C", "E"], env.KeyValues.Select(k => k.Key));
        Assert.Equal(["1", "\"x y\"", "$D", "a\\ b"], env.KeyValues.Select(k => k.Value));
        Assert.Equal(["1", "x y", "$D", "a b"], env.KeyValues.Select(k => k.UnquotedValue));
        Assert.All(env.KeyValues, k => Assert.True(k.HasEquals));
        Assert.Equal("B", At(tree, env.KeyValues[1].KeySpan));
        Assert.Equal("\"x y\"", At(tree, env.KeyValues[1].ValueSpan!.Value));

        var (_, legacy) = Parse("ENV PATH /usr/bin  /bin\n", 0);
        var pair = Assert.Single(legacy.KeyValues);
        Assert.Equal(("PATH", "/usr/bin  /bin", false), (pair.Key, pair.Value, pair.HasEquals));
        Assert.Equal("(env \"PATH\" \"/usr/bin  /bin\" \"\")", legacy.ToBuildKitDump());

        var (_, arg) = Parse("ARG VERSION\n", 0);
        Assert.Equal(("VERSION", null, false), (arg.KeyValues[0].Key, arg.KeyValues[0].Value, arg.KeyValues[0].HasEquals));
        var (_, arg2) = Parse("ARG V=\"1 2\" W=\n", 0);
        Assert.Equal(["\"1 2\"", ""], arg2.KeyValues.Select(k => k.Value));
        Assert.Equal("1 2", arg2.KeyValues[0].UnquotedValue);
    }

    [Fact]
    public void Env_errors_use_buildkit_messages()
    {
        var tree = SyntaxTree.Parse("FROM a\nENV PATH\nLABEL A=1 B\n");
        Assert.Equal(
            ["ENV must have two arguments", "Syntax error - can't find = in \"B\". Must be of the form: name=value"],
            tree.Diagnostics.Select(d => d.Message));
        Assert.Equal("B", tree.Text.ToString(tree.Diagnostics[1].Span));
    }

    [Fact]
    public void Heredoc_spans_and_content()
    {
        const string text = "FROM a\nRUN <<EOF cat\nline1\nEOF\nRUN <<-X\n\tx\n\tX\n";
        var (tree, run) = Parse(text, 1);
        var heredoc = Assert.Single(run.Heredocs);
        Assert.Equal("<<EOF", At(tree, heredoc.WordSpan));
        Assert.Equal("line1\n", At(tree, heredoc.BodySpan));
        Assert.Equal("EOF", At(tree, heredoc.TerminatorSpan));
        Assert.True(heredoc.IsTerminated);
        Assert.Equal((1, 3), (run.StartLine, run.EndLine));
        Assert.Equal(heredoc.TerminatorSpan.End, run.Span.End);
        Assert.Equal("(run \"<<EOF cat\")", run.ToBuildKitDump());

        var chomped = tree.Root.Instructions[2].Heredocs[0];
        Assert.Equal(("x\n", "\tx\n", true), (chomped.Content, chomped.RawContent, chomped.Chomp));
    }

    [Fact]
    public void Heredoc_after_continuation_and_in_onbuild()
    {
        var (_, run) = Parse("RUN \\\n  <<EOF cat\nhello\nEOF\nCMD x\n", 0);
        Assert.Equal("hello\n", Assert.Single(run.Heredocs).Content);
        Assert.Equal(3, run.EndLine);

        var (_, onbuild) = Parse("ONBUILD RUN <<EOF\nx\nEOF\nCMD y\n", 0);
        Assert.Equal("x\n", Assert.Single(onbuild.Heredocs).Content);
        Assert.Equal("x\n", Assert.Single(onbuild.OnbuildInstruction!.Heredocs).Content);
        Assert.Equal(2, onbuild.EndLine);
    }

    [Fact]
    public void Unterminated_heredoc_swallows_the_rest_and_is_an_error()
    {
        var (tree, run) = Parse("FROM a\nRUN <<EOF\necho hi\nCMD x\n", 1);
        var heredoc = Assert.Single(run.Heredocs);
        Assert.False(heredoc.IsTerminated);
        Assert.Equal("echo hi\nCMD x\n", heredoc.Content);
        Assert.Single(tree.Root.Instructions.Skip(1));
        var error = Assert.Single(BuildKitDump.Dump(tree).Errors);
        Assert.Equal(("DLS007", "unterminated heredoc", "<<EOF"), (error.Code, error.Message, tree.Text.ToString(error.Span)));
    }

    [Theory]
    [InlineData("RUN [\"<<EOF\"]")]
    [InlineData("RUN \"<<EOF\"")]
    [InlineData("RUN <<'EOF")]
    [InlineData("CMD <<EOF")]
    [InlineData("RUN <<- EOF")]
    public void Not_a_heredoc(string line)
    {
        var (_, instruction) = Parse(line + "\nEOF\n", 0);
        Assert.Empty(instruction.Heredocs);
    }

    [Fact]
    public void Onbuild_wraps_a_full_instruction()
    {
        var (tree, onbuild) = Parse("ONBUILD COPY --from=x a b\n", 0);
        Assert.Equal(InstructionKind.Onbuild, onbuild.Kind);
        var inner = onbuild.OnbuildInstruction!;
        Assert.True(inner.IsNested);
        Assert.Equal((InstructionKind.Copy, "COPY"), (inner.Kind, inner.Keyword));
        Assert.Equal("COPY", At(tree, inner.KeywordSpan));
        Assert.Equal("from", inner.Flags[0].Name);
        Assert.Equal(["a", "b"], inner.Words.Select(w => w.Text));
        Assert.Equal("(onbuild (copy [\"--from=x\"] \"a\" \"b\"))", onbuild.ToBuildKitDump());
        Assert.Null(Parse("ONBUILD\n", 0).Instruction.OnbuildInstruction);
    }

    [Fact]
    public void Unknown_instruction_is_reported_but_not_a_buildkit_parse_error()
    {
        var (tree, unknown) = Parse("FROM a\nFORM b\n", 1);
        Assert.Equal(InstructionKind.Unknown, unknown.Kind);
        Assert.Equal("(form \"\")", unknown.ToBuildKitDump());
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(("DLS011", "unknown instruction: FORM", "FORM"), (diagnostic.Code, diagnostic.Message, tree.Text.ToString(diagnostic.Span)));
        Assert.Empty(BuildKitDump.Dump(tree).Errors);
    }

    [Fact]
    public void Healthcheck_type_word_and_command()
    {
        var (_, health) = Parse("HEALTHCHECK --interval=5s CMD [\"curl\", \"-f\"]\n", 0);
        Assert.Equal(["CMD", "curl", "-f"], health.DumpValues);
        Assert.Equal(ArgumentForm.Exec, health.Form);
        Assert.Equal(["curl", "-f"], health.ExecArguments!.Select(a => a.Value));
    }

    [Fact]
    public void Crlf_lines_and_spans()
    {
        const string text = "FROM a\r\nRUN b \\\r\n c\r\nCMD d";
        var (tree, run) = Parse(text, 1);
        Assert.Equal("b  c", run.ArgumentText);
        Assert.Equal((1, 2), (run.StartLine, run.EndLine));
        Assert.Equal(text.IndexOf(" c\r\n", StringComparison.Ordinal) + 2, run.Span.End);
        Assert.Equal(text.IndexOf("CMD", StringComparison.Ordinal), run.FullSpan.End);
        Assert.Equal("d", tree.Root.Instructions[2].ArgumentText);
    }

    [Theory]
    [InlineData("\\\nFROM a\n", 0, 1)]
    [InlineData("FROM a\nRUN b \\\n\n", 1, 2)]
    [InlineData("FROM a\nRUN b \\\n# c\n", 1, 2)]
    [InlineData("FROM a\nRUN <<E\nE\r\n", 1, 2)]
    public void Start_and_end_lines_follow_buildkit(string text, int startLine, int endLine)
    {
        var instruction = SyntaxTree.Parse(text).Root.Instructions[^1];
        Assert.Equal((startLine, endLine), (instruction.StartLine, instruction.EndLine));
    }

    [Fact]
    public void Find_instruction_by_offset()
    {
        const string text = "FROM a\n# c\nRUN b \\\n  c\n";
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(InstructionKind.From, tree.FindInstruction(0)!.Kind);
        Assert.Equal(InstructionKind.From, tree.FindInstruction(6)!.Kind);
        Assert.Null(tree.FindInstruction(8));
        Assert.Equal(InstructionKind.Run, tree.FindInstruction(text.IndexOf("  c", StringComparison.Ordinal))!.Kind);
        Assert.Equal(InstructionKind.Run, tree.FindInstruction(text.Length)!.Kind);
        Assert.Null(tree.FindInstruction(-5));
    }

    [Fact]
    public void Words_resolve_quotes_and_escapes()
    {
        var (tree, copy) = Parse("COPY \"a b\" 'c d' e\\ f ${X:-a b} /dst\n", 0);
        Assert.Equal(["a b", "c d", "e f", "${X:-a", "b}", "/dst"], copy.Words.Select(w => w.Value));
        Assert.Equal("\"a b\"", At(tree, copy.Words[0].Span));
        Assert.Equal("\"a b\"", copy.Words[0].Text);
    }

    [Fact]
    public void With_changes_reparses()
    {
        var tree = SyntaxTree.Parse("FROM a\nRUN b\n");
        var changed = tree.WithChanges(new TextChange(new TextSpan(11, 1), "make"));
        Assert.Equal("FROM a\nRUN make\n", changed.ToFullString());
        Assert.Equal("make", changed.Root.Instructions[1].ArgumentText);
        Assert.Equal("b", tree.Root.Instructions[1].ArgumentText);
    }
}
