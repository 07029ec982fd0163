namespace DockerLayerLsp.Syntax.Incremental;

/// <summary>What one reparse did, for tests and benchmarks: how much was parsed again and how much was reused.</summary>
/// <param name="IsFull">The whole text was parsed (a directive or the first instruction changed, or nothing could be reused).</param>
/// <param name="FirstReparsedChild">Index, in the new root, of the first child that was parsed again.</param>
/// <param name="ReparsedChildren">How many children of the new root came from parsing again; every other child is an old green node.</param>
/// <param name="ReusedChildren">Old green nodes carried over unchanged (same objects).</param>
/// <param name="ReparsedSpan">The region of the new text that was parsed again.</param>
internal sealed record ReparseInfo(bool IsFull, int FirstReparsedChild, int ReparsedChildren, int ReusedChildren, TextSpan ReparsedSpan);

/// <summary>
/// Turns the parse of one text into the parse of an edited text by parsing again only the top-level
/// children (instructions and trivia lines) the edit touches, widened by one neighbour on each side, and
/// reusing every other green node as is. Green nodes are position-free, so the nodes after the edit are
/// shared, not shifted; only the red facade sees new positions.
/// </summary>
/// <remarks>
/// Why this is exact: the file-level parser is context-free across top-level boundaries once the
/// directive prologue is over. A child ends either at a line that does not continue (and after the
/// terminators of its heredocs) or at the end of the text, so a region of whole children can be parsed
/// on its own, provided (1) the directive state at its start is "done" with the same escape character,
/// and (2) its last child did not stop only because the region ended (a continuation or a heredoc still
/// open). (1) holds for every region after the first instruction and is recreated by a short prologue;
/// (2) is checked, and the region grows until it holds. Edits that reach the prologue or the first
/// instruction (which can turn a comment into a directive and change the escape character for the whole
/// file) parse everything.
/// </remarks>
internal static class IncrementalParser
{
    /// <summary>Ends directive processing ("#" is a comment that is not a directive) under the default escape.</summary>
    private const string BackslashPrologue = "#\n";

    /// <summary>Sets the backtick escape, then ends directive processing.</summary>
    private const string BacktickPrologue = "# escape=`\n#\n";

    public static (ParseResult Result, ReparseInfo Info) Reparse(ParseResult old, string oldText, string newText, int changeStart, int changeEnd)
    {
        var children = old.Root.Children;
        var delta = newText.Length - oldText.Length;
        var firstInstruction = FirstInstructionIndex(children);
        if (firstInstruction < 0) return Full(newText);

        var ends = ChildEnds(children);
        if (changeStart < ends[firstInstruction]) return Full(newText);

        // The child containing the first changed character (the last child when the change is at the end), and its neighbour before.
        var first = Math.Max(0, ChildAt(ends, changeStart) - 1);
        // The child containing the character just after the change, and its neighbour after.
        var last = Math.Min(children.Count - 1, ChildAt(ends, changeEnd) + 1);

        var regionStart = first == 0 ? 0 : ends[first - 1];
        while (true)
        {
            var regionEnd = ends[last] + delta;
            var region = ParseRegion(newText, regionStart, regionEnd, old.EscapeChar);
            if (region is null) return Full(newText);
            var (nodes, fileDiagnostics) = region.Value;
            var reachesEnd = last == children.Count - 1;
            if (reachesEnd || !WantsMoreLines(nodes[^1], old.EscapeChar))
            {
                var merged = new GreenNode[first + nodes.Count + (children.Count - last - 1)];
                for (var i = 0; i < first; i++) merged[i] = children[i];
                for (var i = 0; i < nodes.Count; i++) merged[first + i] = nodes[i];
                for (var i = last + 1; i < children.Count; i++) merged[i - last - 1 + first + nodes.Count] = children[i];

                var oldRegionEnd = ends[last];
                var diagnostics = new List<SyntaxDiagnostic>(old.FileDiagnostics.Count + fileDiagnostics.Count);
                foreach (var diagnostic in old.FileDiagnostics)
                {
                    if (diagnostic.Span.Start < regionStart) diagnostics.Add(diagnostic);
                    else if (diagnostic.Span.Start >= oldRegionEnd) diagnostics.Add(diagnostic.Shift(delta));
                }
                diagnostics.AddRange(fileDiagnostics);
                diagnostics.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));

                var result = old with { Root = new GreenList(GreenKind.Dockerfile, merged), FileDiagnostics = diagnostics };
                var info = new ReparseInfo(false, first, nodes.Count, merged.Length - nodes.Count, TextSpan.FromBounds(regionStart, regionEnd));
                return (result, info);
            }
            // The last child would take lines from beyond the region: take in as many children again.
            last = Math.Min(children.Count - 1, last + (last - first + 1));
        }
    }

    private static (ParseResult, ReparseInfo) Full(string text)
    {
        var result = DockerfileParser.Parse(text);
        return (result, new ReparseInfo(true, 0, result.Root.Children.Count, 0, new TextSpan(0, text.Length)));
    }

    /// <summary>
    /// Parses new-text [start, end) as whole children after the prologue. Returns its children and its
    /// file-level diagnostics in new-text coordinates, or null when the parser did not take the prologue as
    /// expected (then the caller parses everything, which is always right).
    /// </summary>
    private static (IReadOnlyList<GreenNode> Nodes, List<SyntaxDiagnostic> FileDiagnostics)? ParseRegion(string text, int start, int end, char escape)
    {
        var prologue = escape == '`' ? BacktickPrologue : BackslashPrologue;
        var parsed = DockerfileParser.Parse(string.Concat(prologue, text.AsSpan(start, end - start)));
        if (parsed.EscapeChar != escape) return null;

        var children = parsed.Root.Children;
        var skip = 0;
        var width = 0;
        while (width < prologue.Length && skip < children.Count) width += children[skip++].Width;
        if (width != prologue.Length || skip == children.Count) return null;

        var nodes = new GreenNode[children.Count - skip];
        for (var i = skip; i < children.Count; i++) nodes[i - skip] = children[i];

        var shift = start - prologue.Length;
        var diagnostics = new List<SyntaxDiagnostic>();
        foreach (var diagnostic in parsed.FileDiagnostics)
        {
            // File-level facts (no instructions at all, directive problems) belong to the whole file, which keeps its own.
            if (diagnostic.Span.Start < prologue.Length || diagnostic.Code == SyntaxDiagnosticDescriptor.NoInstructions.Code) continue;
            diagnostics.Add(diagnostic.Shift(shift));
        }
        return (nodes, diagnostics);
    }

    /// <summary>
    /// True when <paramref name="node"/> stopped only because the text ended: its last logical line still
    /// continues (an escape at the end, or a comment/empty line taken while continuing) or a heredoc is open.
    /// </summary>
    private static bool WantsMoreLines(GreenNode node, char escape)
    {
        if (node is not GreenInstruction instruction) return false;
        foreach (var heredoc in instruction.Data.Heredocs)
        {
            if (!heredoc.IsTerminated) return true;
        }
        var lastLine = instruction.Children[^1];
        switch (lastLine.Kind)
        {
            case GreenKind.EmptyContinuationLine or GreenKind.InteriorCommentLine:
                return true;
            case GreenKind.InstructionLine or GreenKind.ContinuationLine:
                var line = ((GreenToken)lastLine).Text;
                var contentEnd = line.Length;
                while (contentEnd > 0 && line[contentEnd - 1] is '\r' or '\n') contentEnd--;
                return LineContinuation.Trim(line, 0, contentEnd, escape).Continues;
            default:
                return false;
        }
    }

    private static int FirstInstructionIndex(IReadOnlyList<GreenNode> children)
    {
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is GreenInstruction) return i;
        }
        return -1;
    }

    /// <summary>End offset of every child (prefix sums of widths).</summary>
    private static int[] ChildEnds(IReadOnlyList<GreenNode> children)
    {
        var ends = new int[children.Count];
        var position = 0;
        for (var i = 0; i < ends.Length; i++)
        {
            position += children[i].Width;
            ends[i] = position;
        }
        return ends;
    }

    /// <summary>Index of the child whose full span contains <paramref name="offset"/>; the last child for the end of the text.</summary>
    private static int ChildAt(int[] ends, int offset)
    {
        int low = 0, high = ends.Length - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (ends[mid] <= offset) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
