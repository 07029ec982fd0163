namespace DockerLayerLsp.Syntax.Incremental;

/// <summary>Applies text changes to a <see cref="SyntaxTree"/> through <see cref="IncrementalParser"/>.</summary>
internal static class TreeReparser
{
    public static (SyntaxTree Tree, ReparseInfo Info) WithChanges(SyntaxTree tree, IEnumerable<TextChange> changes)
    {
        var list = changes as IReadOnlyCollection<TextChange> ?? changes.ToArray();
        var oldText = tree.Text.ToString();
        if (list.Count == 0) return (tree, new ReparseInfo(false, 0, 0, tree.Result.Root.Children.Count, default));

        // One span of the old text covers every change; outside it the old and new texts are the same.
        int start = int.MaxValue, end = 0;
        foreach (var change in list)
        {
            start = Math.Min(start, Math.Clamp(change.Span.Start, 0, oldText.Length));
            end = Math.Max(end, Math.Clamp(change.Span.End, 0, oldText.Length));
        }
        end = Math.Max(start, end);

        var newText = tree.Text.WithChanges(list);
        var (result, info) = IncrementalParser.Reparse(tree.Result, oldText, newText.ToString(), start, end);
        return (new SyntaxTree(newText, result), info);
    }
}
