namespace DockerLayerLsp.Syntax;

/// <summary>
/// What the parser learned about one instruction (BuildKit's Node plus source mapping). Immutable once the
/// parser hands it to a <see cref="GreenInstruction"/>; every span is relative to the start of that green node.
/// </summary>
internal sealed class InstructionData
{
    public required InstructionKind Kind { get; init; }

    /// <summary>The command word as written (BuildKit's Node.Value).</summary>
    public required string Keyword { get; init; }

    public required TextSpan KeywordSpan { get; init; }

    /// <summary>End of the instruction's Span: last character of its last physical line, before the break.</summary>
    public int SpanEnd { get; set; }

    public required IReadOnlyList<FlagSyntax> Flags { get; init; }

    /// <summary>Flags exactly as BuildKit stores them: UTF-8 bytes reinterpreted as Latin-1 characters (its byte-wise scanner quirk).</summary>
    public required IReadOnlyList<string> DumpFlags { get; init; }

    public required ArgumentForm Form { get; init; }

    /// <summary>Argument text after the flags, trimmed, with its source map.</summary>
    public required MappedText Arguments { get; init; }

    public IReadOnlyList<ExecArgument>? ExecArguments { get; init; }

    public IReadOnlyList<KeyValueSyntax> KeyValues { get; init; } = [];

    /// <summary>BuildKit's value strings for the dump (empty for ONBUILD, which dumps <see cref="Nested"/>).</summary>
    public required IReadOnlyList<string> DumpValues { get; init; }

    public InstructionData? Nested { get; init; }

    // Most instructions have neither heredocs nor diagnostics, and the tree keeps every instruction's data:
    // the lists exist only once something is added.
    private List<HeredocSyntax>? _heredocs;
    private List<SyntaxDiagnostic>? _diagnostics;

    public IReadOnlyList<HeredocSyntax> Heredocs => _heredocs ?? (IReadOnlyList<HeredocSyntax>)[];

    public IReadOnlyList<SyntaxDiagnostic> Diagnostics => _diagnostics ?? (IReadOnlyList<SyntaxDiagnostic>)[];

    /// <summary>Parser only, before the data is handed to a green node.</summary>
    public void AddHeredoc(HeredocSyntax heredoc) => (_heredocs ??= []).Add(heredoc);

    /// <summary>Parser only, before the data is handed to a green node.</summary>
    public void AddDiagnostic(SyntaxDiagnostic diagnostic) => (_diagnostics ??= []).Add(diagnostic);
}
