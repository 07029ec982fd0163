using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Lsp.Features;

/// <summary>Folding: build stages, instructions continued over several lines, heredoc bodies and comment blocks. Whole lines only.</summary>
public static class FoldingRanges
{
    public static FoldingRange[] Create(SyntaxTree tree)
    {
        var text = tree.Text;
        var ranges = new List<FoldingRange>();
        var seen = new HashSet<(int, int)>();

        void Add(int startLine, int endLine, string? kind = null)
        {
            if (endLine > startLine && seen.Add((startLine, endLine)))
            {
                ranges.Add(new FoldingRange { StartLine = startLine, EndLine = endLine, Kind = kind });
            }
        }

        var instructions = tree.Root.Instructions;
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            if (instruction.Kind == InstructionKind.From)
            {
                var last = instruction;
                for (var j = i + 1; j < instructions.Count && instructions[j].Kind != InstructionKind.From; j++) last = instructions[j];
                Add(instruction.StartLine, last.EndLine, FoldingRangeKind.Region);
            }
            Add(instruction.StartLine, instruction.EndLine);
            foreach (var heredoc in instruction.Heredocs)
            {
                Add(text.GetLineIndex(heredoc.WordSpan.Start), text.GetLineIndex(heredoc.TerminatorSpan.Start));
            }
        }

        // Runs of consecutive comment lines between instructions (a blank line ends a block).
        int? blockStart = null, blockEnd = null;
        foreach (var node in tree.Root.Children)
        {
            if (node is CommentSyntax comment)
            {
                if (blockEnd is { } end && comment.StartLine == end + 1) blockEnd = comment.EndLine;
                else
                {
                    if (blockStart is { } s && blockEnd is { } e) Add(s, e, FoldingRangeKind.Comment);
                    (blockStart, blockEnd) = (comment.StartLine, comment.EndLine);
                }
            }
            else
            {
                if (blockStart is { } s && blockEnd is { } e) Add(s, e, FoldingRangeKind.Comment);
                (blockStart, blockEnd) = (null, null);
            }
        }
        if (blockStart is { } start && blockEnd is { } finish) Add(start, finish, FoldingRangeKind.Comment);

        ranges.Sort((a, b) => a.StartLine != b.StartLine ? a.StartLine.CompareTo(b.StartLine) : b.EndLine.CompareTo(a.EndLine));
        return [.. ranges];
    }
}
