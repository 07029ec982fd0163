namespace DockerLayerLsp.Syntax;

/// <summary>
/// An immutable parse of one Dockerfile text. Parsing never fails: malformed input yields a tree plus
/// <see cref="Diagnostics"/>, and <see cref="ToFullString"/> always returns the input unchanged.
/// </summary>
public sealed class SyntaxTree
{
    private readonly ParseResult _result;
    private DockerfileSyntax? _root;
    private IReadOnlyList<SyntaxDiagnostic>? _diagnostics;

    internal SyntaxTree(SourceText text, ParseResult result)
    {
        Text = text;
        _result = result;
    }

    public static SyntaxTree Parse(SourceText text) => new(text, DockerfileParser.Parse(text.ToString()));

    public static SyntaxTree Parse(string text) => Parse(SourceText.From(text));

    public SourceText Text { get; }

    public DockerfileSyntax Root => _root ??= new DockerfileSyntax(this, _result.Root);

    /// <summary>The escape character in effect (from the escape directive, '\' by default).</summary>
    public char EscapeChar => _result.EscapeChar;

    public IReadOnlyList<ParserDirective> Directives => _result.Directives;

    /// <summary>All diagnostics of the file, ordered by position.</summary>
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics => _diagnostics ??= CollectDiagnostics();

    public string ToFullString() => _result.Root.ToFullString();

    internal ParseResult Result => _result;

    /// <summary>
    /// Applies the changes (in this tree's text coordinates) and parses the new text incrementally: only the
    /// instructions the changes touch are parsed again, every other node is shared with this tree.
    /// </summary>
    public SyntaxTree WithChanges(IEnumerable<TextChange> changes) => Incremental.TreeReparser.WithChanges(this, changes).Tree;

    public SyntaxTree WithChanges(params TextChange[] changes) => WithChanges((IEnumerable<TextChange>)changes);

    /// <summary>The top-level instruction whose full span (its lines, break included) contains <paramref name="offset"/>; at the very end of the text, the last instruction if it reaches there.</summary>
    public InstructionSyntax? FindInstruction(int offset)
    {
        var instructions = Root.Instructions;
        int low = 0, high = instructions.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var span = instructions[mid].FullSpan;
            if (offset < span.Start) high = mid - 1;
            else if (offset >= span.End) low = mid + 1;
            else return instructions[mid];
        }
        if (instructions.Count > 0 && offset == Text.Length && instructions[^1].FullSpan.End == offset) return instructions[^1];
        return null;
    }

    private SyntaxDiagnostic[] CollectDiagnostics()
    {
        var all = new List<SyntaxDiagnostic>(_result.FileDiagnostics);
        foreach (var instruction in Root.Instructions) all.AddRange(instruction.Diagnostics);
        return all.OrderBy(d => d.Span.Start).ThenBy(d => d.Span.End).ToArray();
    }
}
