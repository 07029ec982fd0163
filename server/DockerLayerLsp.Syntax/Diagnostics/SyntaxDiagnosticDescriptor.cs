namespace DockerLayerLsp.Syntax;

/// <summary>
/// The table of every diagnostic the Syntax layer reports. Messages that BuildKit also produces use
/// BuildKit's exact text so users recognise them from `docker build`.
/// </summary>
public sealed record SyntaxDiagnosticDescriptor(
    string Code,
    string Title,
    DiagnosticSeverity Severity,
    string MessageFormat,
    bool IsBuildKitParseError)
{
    public static readonly SyntaxDiagnosticDescriptor NoInstructions =
        new("DLS001", "No instructions", DiagnosticSeverity.Error, "file with no instructions", true);

    public static readonly SyntaxDiagnosticDescriptor MissingKeyValueArguments =
        new("DLS002", "Missing value", DiagnosticSeverity.Error, "{0} must have two arguments", true);

    public static readonly SyntaxDiagnosticDescriptor MissingEquals =
        new("DLS003", "Missing '='", DiagnosticSeverity.Error, "Syntax error - can't find = in {0}. Must be of the form: name=value", true);

    public static readonly SyntaxDiagnosticDescriptor JsonArrayNotStrings =
        new("DLS004", "Non-string JSON element", DiagnosticSeverity.Error, "when using JSON array syntax, arrays must be comprised of strings only", true);

    public static readonly SyntaxDiagnosticDescriptor InvalidEscapeToken =
        new("DLS005", "Invalid escape directive", DiagnosticSeverity.Error, "invalid escape token '{0}' does not match ` or \\", true);

    public static readonly SyntaxDiagnosticDescriptor DuplicateDirective =
        new("DLS006", "Repeated parser directive", DiagnosticSeverity.Error, "only one {0} parser directive can be used", true);

    public static readonly SyntaxDiagnosticDescriptor UnterminatedHeredoc =
        new("DLS007", "Unterminated heredoc", DiagnosticSeverity.Error, "unterminated heredoc", true);

    public static readonly SyntaxDiagnosticDescriptor InvalidHeredocWord =
        new("DLS008", "Invalid heredoc word", DiagnosticSeverity.Error, "{0}", true);

    public static readonly SyntaxDiagnosticDescriptor LineTooLong =
        new("DLS009", "Line too long", DiagnosticSeverity.Error, "dockerfile line greater than max allowed size of 65535", true);

    public static readonly SyntaxDiagnosticDescriptor EmptyContinuationLine =
        new("DLS010", "Empty continuation line", DiagnosticSeverity.Warning, "Empty continuation line found in: {0}", false);

    public static readonly SyntaxDiagnosticDescriptor UnknownInstruction =
        new("DLS011", "Unknown instruction", DiagnosticSeverity.Error, "unknown instruction: {0}", false);

    public static IReadOnlyList<SyntaxDiagnosticDescriptor> All { get; } =
    [
        NoInstructions, MissingKeyValueArguments, MissingEquals, JsonArrayNotStrings, InvalidEscapeToken,
        DuplicateDirective, UnterminatedHeredoc, InvalidHeredocWord, LineTooLong, EmptyContinuationLine,
        UnknownInstruction,
    ];

    public static SyntaxDiagnosticDescriptor? FromCode(string code)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Code == code) return descriptor;
        }
        return null;
    }

    public SyntaxDiagnostic Create(TextSpan span, params object[] args) =>
        new(Code, Severity, args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args), span);
}
