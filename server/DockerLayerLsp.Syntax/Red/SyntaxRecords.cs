namespace DockerLayerLsp.Syntax;

/// <summary>A parser directive at the top of the file (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>).</summary>
public sealed record ParserDirective(string Name, string Value, TextSpan Span, TextSpan NameSpan, TextSpan ValueSpan)
{
    internal ParserDirective Shift(int delta) => delta == 0 ? this : this with
    {
        Span = Span.Shifted(delta), NameSpan = NameSpan.Shifted(delta), ValueSpan = ValueSpan.Shifted(delta),
    };
}

/// <summary>
/// A builder flag such as <c>--mount=type=cache,target=/x</c>. <see cref="Raw"/> is the word as BuildKit records it
/// (quotes removed, escapes resolved); <see cref="Name"/> is the part between "--" and the first "=",
/// <see cref="Value"/> the rest (null when there is no "=", e.g. <c>--link</c>).
/// </summary>
public sealed record FlagSyntax(string Name, string? Value, string Raw, TextSpan Span, TextSpan NameSpan, TextSpan? ValueSpan)
{
    internal FlagSyntax Shift(int delta) => delta == 0 ? this : this with
    {
        Span = Span.Shifted(delta), NameSpan = NameSpan.Shifted(delta), ValueSpan = ValueSpan?.Shifted(delta),
    };
}

/// <summary>One decoded element of a JSON (exec form) argument array; <see cref="Span"/> covers the quoted string.</summary>
public sealed record ExecArgument(string Value, TextSpan Span)
{
    internal ExecArgument Shift(int delta) => delta == 0 ? this : this with { Span = Span.Shifted(delta) };
}

/// <summary>A shell-style word of the argument text: <see cref="Text"/> as written, <see cref="Value"/> with quotes removed and escapes resolved (no variable expansion).</summary>
public sealed record WordSyntax(string Text, string Value, TextSpan Span);

/// <summary>
/// An ENV/LABEL/ARG entry. <see cref="Value"/> is the raw text (quotes and escapes kept, as BuildKit records it),
/// <see cref="UnquotedValue"/> the shell-unquoted value. For ARG without default both are null.
/// </summary>
public sealed record KeyValueSyntax(string Key, string? Value, string? UnquotedValue, bool HasEquals, TextSpan Span, TextSpan KeySpan, TextSpan? ValueSpan)
{
    internal KeyValueSyntax Shift(int delta) => delta == 0 ? this : this with
    {
        Span = Span.Shifted(delta), KeySpan = KeySpan.Shifted(delta), ValueSpan = ValueSpan?.Shifted(delta),
    };
}

/// <summary>
/// A heredoc (<c>&lt;&lt;EOF</c>) attached to RUN/COPY/ADD. <see cref="RawContent"/> is BuildKit's parser content (body lines
/// with their line breaks, not chomped); <see cref="Content"/> is what the build uses: leading tabs stripped from each line for
/// <c>&lt;&lt;-</c>. <see cref="BodySpan"/> covers the body lines including their breaks; <see cref="TerminatorSpan"/> the
/// terminator line without its break (empty at the end of the file when unterminated).
/// </summary>
public sealed record HeredocSyntax(
    string Name,
    string Content,
    string RawContent,
    bool Expand,
    bool Chomp,
    int FileDescriptor,
    TextSpan WordSpan,
    TextSpan BodySpan,
    TextSpan TerminatorSpan,
    bool IsTerminated)
{
    internal HeredocSyntax Shift(int delta) => delta == 0 ? this : this with
    {
        WordSpan = WordSpan.Shifted(delta), BodySpan = BodySpan.Shifted(delta), TerminatorSpan = TerminatorSpan.Shifted(delta),
    };
}

internal static class TextSpanExtensions
{
    public static TextSpan Shifted(this TextSpan span, int delta) => new(span.Start + delta, span.Length);

    public static SyntaxDiagnostic Shift(this SyntaxDiagnostic diagnostic, int delta) =>
        delta == 0 ? diagnostic : diagnostic with { Span = diagnostic.Span.Shifted(delta) };
}
