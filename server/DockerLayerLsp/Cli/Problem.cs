using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Cli;

/// <summary>One line of `check` output: a rule finding or a parse diagnostic, with 1-based positions.</summary>
internal sealed record Problem(
    string Code,
    FindingSeverity Severity,
    string Message,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    TextSpan Span,
    bool Fixable,
    bool FixIsUnsafe,
    string? FixTitle,
    string? FixNote,
    string? HelpUri,
    IReadOnlyList<(int Line, int Column, string Message)> Related);

/// <summary>The result of checking one Dockerfile.</summary>
internal sealed record FileReport(string Path, string DisplayPath, SourceText Text, IReadOnlyList<Problem> Problems, IReadOnlyList<string> Fixed, string? WriteError = null);
