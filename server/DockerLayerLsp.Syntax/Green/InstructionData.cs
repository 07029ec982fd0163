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

    public List<HeredocSyntax> Heredocs { get; } = [];

    public List<SyntaxDiagnostic> Diagnostics { get; } = [];

    /// <summary>Physical lines of this instruction's node, relative (0 = the line of the keyword).</summary>
    public int LineCount { get; set; } = 1;

}
