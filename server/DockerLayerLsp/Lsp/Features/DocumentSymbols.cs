using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Workspace;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Lsp.Features;

/// <summary>
/// The outline: one symbol per build stage (a FROM and the instructions up to the next FROM), the
/// stage's instructions as its children; instructions before the first FROM (global ARGs) at the top.
/// </summary>
public static class DocumentSymbols
{
    private const int MaxNameLength = 60;

    public static DocumentSymbol[] Create(SyntaxTree tree, PositionEncoding encoding)
    {
        var text = tree.Text;
        var result = new List<DocumentSymbol>();
        InstructionSyntax? stageStart = null;
        var stageChildren = new List<DocumentSymbol>();

        void CloseStage(InstructionSyntax? last)
        {
            if (stageStart is null) return;
            var span = TextSpan.FromBounds(stageStart.Span.Start, (last ?? stageStart).Span.End);
            result.Add(new DocumentSymbol
            {
                Name = StageName(stageStart, result.Count(symbol => symbol.Kind == SymbolKind.Class)),
                // The name already says the stage and its base; the detail adds only what it leaves out.
                Detail = stageStart.Flags.FirstOrDefault(f => f.Name.Equals("platform", StringComparison.OrdinalIgnoreCase))?.Value is { Length: > 0 } platform ? $"--platform={platform}" : null,
                Kind = SymbolKind.Class,
                Range = encoding.ToRange(text, span),
                SelectionRange = encoding.ToRange(text, stageStart.KeywordSpan),
                Children = [.. stageChildren],
            });
            stageChildren.Clear();
        }

        InstructionSyntax? previous = null;
        foreach (var instruction in tree.Root.Instructions)
        {
            if (instruction.Kind == InstructionKind.From)
            {
                CloseStage(previous);
                stageStart = instruction;
            }
            else
            {
                (stageStart is null ? result : stageChildren).Add(InstructionSymbol(instruction, text, encoding));
            }
            previous = instruction;
        }
        CloseStage(previous);
        return [.. result];
    }

    private static DocumentSymbol InstructionSymbol(InstructionSyntax instruction, SourceText text, PositionEncoding encoding) => new()
    {
        Name = Summary(instruction),
        Kind = instruction.Kind switch
        {
            InstructionKind.Arg or InstructionKind.Env => SymbolKind.Variable,
            InstructionKind.Label => SymbolKind.Property,
            _ => SymbolKind.Function,
        },
        Range = encoding.ToRange(text, instruction.Span),
        SelectionRange = encoding.ToRange(text, instruction.KeywordSpan),
    };

    /// <summary>"build (golang:1.22)" for <c>FROM golang:1.22 AS build</c>; "stage 0 (alpine)" without a name.</summary>
    private static string StageName(InstructionSyntax from, int index)
    {
        var words = from.Words;
        var image = words.Count > 0 ? words[0].Value : "";
        var name = words.Count >= 3 && words[1].Value.Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2].Value : $"stage {index}";
        return image.Length == 0 ? name : $"{name} ({image})";
    }

    /// <summary>The keyword and the arguments on one line (continuations joined, heredoc bodies left out), shortened.</summary>
    private static string Summary(InstructionSyntax instruction)
    {
        var arguments = instruction.ArgumentText;
        var newline = arguments.IndexOfAny(['\r', '\n']);
        if (newline >= 0) arguments = arguments[..newline];
        arguments = string.Join(' ', arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (arguments.Length > MaxNameLength) arguments = arguments[..MaxNameLength].TrimEnd() + "…";
        var keyword = instruction.Keyword.ToUpperInvariant();
        // Which stage a COPY takes its files from is what people scan the outline for.
        var from = instruction.Flags.FirstOrDefault(f => f.Name.Equals("from", StringComparison.OrdinalIgnoreCase));
        if (from?.Value is { Length: > 0 } stage) arguments = $"--from={stage} {arguments}";
        return arguments.Length == 0 ? keyword : $"{keyword} {arguments}";
    }
}
