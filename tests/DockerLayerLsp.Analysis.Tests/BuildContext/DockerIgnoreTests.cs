using DockerLayerLsp.Analysis.BuildContext;

namespace DockerLayerLsp.Analysis.Tests.BuildContext;

using BuildContext = DockerLayerLsp.Analysis.BuildContext.BuildContext;

/// <summary>
/// Docker's .dockerignore semantics as one table: ignore file ('|' separates lines), a path,
/// and whether Docker leaves that path out of the context. Each row is checked twice: against
/// <see cref="DockerIgnore.IsExcluded"/> and against a context walk containing that file, so the
/// per-path answer and the walker can never disagree.
/// </summary>
public sealed class DockerIgnoreTests
{
    [Theory]
    // Plain names: exact match on the whole relative path; a matched directory takes its content.
    [InlineData("docs", "docs", true)]
    [InlineData("docs", "docs/a.md", true)]
    [InlineData("docs", "docs/sub/b.md", true)]
    [InlineData("docs", "docsx", false)]
    [InlineData("docs", "src/docs", false)]
    [InlineData("node_modules", "web/node_modules/x.js", false)]
    // Trailing slash, leading '/', './' and '..' are cleaned away (filepath.Clean).
    [InlineData("docs/", "docs/a.md", true)]
    [InlineData("docs/", "docs", true)]
    [InlineData("/abs", "abs", true)]
    [InlineData("/abs", "abs/x", true)]
    [InlineData("/abs", "x/abs", false)]
    [InlineData("./rel", "rel/x", true)]
    [InlineData("a/./b/../c", "a/c", true)]
    [InlineData("a//b", "a/b", true)]
    [InlineData("../outside", "outside", false)]
    [InlineData("/", "anything", false)]
    // '*' and '?' stay within one path element.
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/a.md", false)]
    [InlineData("*/temp*", "somedir/temporary.txt", true)]
    [InlineData("*/temp*", "temp", false)]
    [InlineData("*/*/temp*", "a/b/temp.txt", true)]
    [InlineData("temp?", "temp1", true)]
    [InlineData("temp?", "temp12", false)]
    [InlineData("temp?", "temp", false)]
    [InlineData("*", "any/thing/below", true)]
    // '**' spans any number of elements, including none.
    [InlineData("**/*.go", "main.go", true)]
    [InlineData("**/*.go", "cmd/tool/main.go", true)]
    [InlineData("**/*.go", "main.go.txt", false)]
    [InlineData("**/node_modules", "node_modules", true)]
    [InlineData("**/node_modules", "web/node_modules/react/index.js", true)]
    [InlineData("**/node_modules", "web/my_node_modules", false)]
    [InlineData("**", "a", true)]
    [InlineData("**", "a/b/c", true)]
    [InlineData("a/**", "a/b", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/x/y/b/c", true)]
    [InlineData("a/**/b", "ab", false)]
    [InlineData("**/*.py[co]", "pkg/__pycache__/x.pyc", true)]
    // Many stars: still exact, and linear time on long non-matching paths.
    [InlineData("*a*b*c*d*e*", "1a2b3c4d5e6", true)]
    [InlineData("*a*b*c*d*e*", "1a2b3c4d5", false)]
    [InlineData("**/**/**/**/**/**/x", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/y/z/aa/bb/cc/dd/ee/ff/gg/hh/ii/jj/kk/xx", false)]
    [InlineData("**/**/**/**/**/**/x", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x", true)]
    // patternmatcher quirk: "**" followed by plain text is a bare suffix test.
    [InlineData("**foo", "barfoo", true)]
    // Character classes go to a regular expression as written: '^' negates, '!' does not.
    [InlineData("[a-z].txt", "a.txt", true)]
    [InlineData("[a-z].txt", "A.txt", false)]
    [InlineData("[a-z].txt", "ab.txt", false)]
    [InlineData("[^a].txt", "b.txt", true)]
    [InlineData("[^a].txt", "a.txt", false)]
    [InlineData("[!a].txt", "b.txt", false)]
    [InlineData("[!a].txt", "a.txt", true)]
    // Backslash escapes the next character; regex metacharacters are literal.
    [InlineData(@"\*.txt", "*.txt", true)]
    [InlineData(@"\*.txt", "a.txt", false)]
    [InlineData(@"a\?", "a?", true)]
    [InlineData(@"a\?", "ab", false)]
    [InlineData("file(1).txt", "file(1).txt", true)]
    [InlineData("a+b.txt", "aab.txt", false)]
    [InlineData("v1.0", "v1x0", false)]
    [InlineData("cost$", "cost$", true)]
    // Exceptions: the last matching line wins.
    [InlineData("*.md|!README.md", "README.md", false)]
    [InlineData("*.md|!README.md", "CHANGELOG.md", true)]
    [InlineData("!README.md|*.md", "README.md", true)]
    [InlineData("docs|!docs/keep.md", "docs/keep.md", false)]
    [InlineData("docs|!docs/keep.md", "docs/other.md", true)]
    [InlineData("docs|!docs/keep.md", "docs", true)]
    [InlineData("docs|!docs/sub", "docs/sub/deep/a.md", false)]
    [InlineData("docs|!docs/*.md", "docs/a.md", false)]
    [InlineData("docs|!docs/*.md", "docs/a.txt", true)]
    [InlineData("**|!keep", "keep", false)]
    [InlineData("**|!keep", "other", true)]
    [InlineData("*|!src", "src/main.go", false)]
    [InlineData("*|!src", "Makefile", true)]
    [InlineData("*|!src/*.go", "src/main.go", false)]
    [InlineData("*|!src/*.go", "src/notes.txt", true)]
    [InlineData("*|!*/package.json", "app/package.json", false)]
    [InlineData("*|!*/package.json", "app/index.js", true)]
    [InlineData("**/*.md|!docs/**|docs/private", "docs/private/x.md", true)]
    [InlineData("**/*.md|!docs/**|docs/private", "docs/public/x.md", false)]
    // An excluded directory is not entered when every exception is a literal path outside it...
    [InlineData("docs|!other/keep.md", "docs/keep.md", true)]
    // ...but a wildcard exception makes fsutil enter every excluded directory.
    [InlineData("docs|!**/keep.md", "docs/keep.md", false)]
    // Walk quirk (MatchesUsingParentResults): "!a" was skipped at "a" (nothing to undo yet), so it is
    // not inherited by "a/x", which "a/*" then excludes. A naive last-match-wins would include it.
    [InlineData("a/*|!a", "a/x", true)]
    [InlineData("a/*|!a", "a", false)]
    // Comments only when '#' is the very first character; whitespace is trimmed.
    [InlineData("# docs", "# docs", false)]
    [InlineData("#docs|docs", "docs", true)]
    [InlineData(" #notcomment", "#notcomment", true)]
    [InlineData("  *.log   ", "app.log", true)]
    [InlineData("*.log\r|!keep.log\r", "keep.log", false)]
    [InlineData("! keep.log|*.log|! keep.log", "keep.log", false)]
    [InlineData("\uFEFF*.log", "app.log", true)]
    // Invalid lines (Docker would refuse the build) are ignored here; the rest still applies.
    [InlineData("!|*.log", "app.log", true)]
    [InlineData("[|*.log", "app.log", true)]
    // The Dockerfile and .dockerignore are matched like any file: Docker still reads them, COPY cannot.
    [InlineData("Dockerfile|.dockerignore", "Dockerfile", true)]
    [InlineData("Dockerfile|.dockerignore", ".dockerignore", true)]
    [InlineData(".git", ".git", true)]
    public void Pattern_table(string dockerignore, string path, bool excluded) =>
        CheckExcluded(dockerignore.Replace('|', '\n'), path, excluded);

    [Theory]
    [InlineData("!", "illegal exclusion")]
    [InlineData("! ", "illegal exclusion")]
    [InlineData("!/", "illegal exclusion")]
    [InlineData("[", "syntax error")]
    [InlineData("a[", "syntax error")]
    [InlineData("[]a]", "syntax error")]
    [InlineData("[x-]", "syntax error")]
    [InlineData(@"foo\", "syntax error")]
    [InlineData(@"**/a\1", "regular expression")]
    public void Invalid_lines_are_reported_with_their_line_number(string line, string reason)
    {
        var ignore = DockerIgnore.Parse("ok\n" + line);

        var note = Assert.Single(ignore.Notes);
        Assert.StartsWith("line 2:", note);
        Assert.Contains(reason, note);
        Assert.NotNull(ignore.Patterns[^1].Error);
        Assert.Null(ignore.Patterns[0].Error);
    }

    [Fact]
    public void Patterns_keep_line_numbers_text_and_cleaned_form()
    {
        var ignore = DockerIgnore.Parse("# comment\n\n  /docs/  \n!./docs//keep.md\n**/*.pyc\n");

        Assert.Collection(
            ignore.Patterns,
            p => Assert.Equal((3, "/docs/", "docs", false), (p.Line, p.Text, p.Pattern, p.IsException)),
            p => Assert.Equal((4, "!./docs//keep.md", "docs/keep.md", true), (p.Line, p.Text, p.Pattern, p.IsException)),
            p => Assert.Equal((5, "**/*.pyc", "**/*.pyc", false), (p.Line, p.Text, p.Pattern, p.IsException)));
        Assert.Empty(ignore.Notes);
    }

    [Fact]
    public void Paths_given_to_IsExcluded_are_cleaned_like_COPY_sources()
    {
        var ignore = DockerIgnore.Parse("docs\n");

        Assert.True(ignore.IsExcluded("./docs/a.md"));
        Assert.True(ignore.IsExcluded("/docs/a.md"));
        Assert.True(ignore.IsExcluded("../docs/a.md"));
        Assert.True(ignore.IsExcluded("docs/", isDirectory: true));
        Assert.False(ignore.IsExcluded("."));
        Assert.False(ignore.IsExcluded(""));
    }

    [Theory]
    [InlineData("*.md|!README.md", "README.md", 2)]
    [InlineData("*.md|!README.md", "CHANGELOG.md", 1)]
    [InlineData("*.md|!README.md", "main.go", 0)]
    [InlineData("# c|docs|!docs/keep.md", "docs/sub/a.md", 2)]
    [InlineData("# c|docs|!docs/keep.md", "docs/keep.md", 3)]
    // The first match already excludes; a later exclusion changes nothing, so it is not "the" line.
    [InlineData("[|node_modules|**/*.js", "node_modules/x/index.js", 2)]
    [InlineData("[|**/*.js|node_modules", "node_modules/x/index.js", 3)]
    [InlineData("node_modules|!other", "node_modules/x/index.js", 1)]
    public void DecidingPattern_names_the_line_behind_the_verdict(string dockerignore, string path, int line)
    {
        var ignore = DockerIgnore.Parse(dockerignore.Replace('|', '\n'));

        Assert.Equal(line == 0 ? null : line, ignore.DecidingPattern(path)?.Line);
    }

    [Fact]
    public void Empty_text_has_no_patterns() => Assert.Empty(DockerIgnore.Parse("\n# only a comment\n   \n").Patterns);

    private static void CheckExcluded(string dockerignore, string path, bool excluded)
    {
        var ignore = DockerIgnore.Parse(dockerignore);
        Assert.True(excluded == ignore.IsExcluded(path), $"IsExcluded(\"{path}\") should be {excluded} for:\n{dockerignore}");

        var context = BuildContext.FromFiles("/ctx", [path], dockerignore);
        Assert.True(excluded != context.Exists(path), $"a walk of a context holding \"{path}\" should {(excluded ? "leave it out" : "send it")} for:\n{dockerignore}");
    }
}
