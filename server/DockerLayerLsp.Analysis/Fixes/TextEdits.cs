using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Fixes;

/// <summary>Helpers for building and applying minimal, non-overlapping text edits.</summary>
public static class TextEdits
{
    /// <summary>Applies edits given in original coordinates (non-overlapping, any order).</summary>
    public static string Apply(string text, IEnumerable<TextChange> changes)
    {
        var ordered = changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length).ToList();
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var change in ordered)
        {
            if (change.Span.Start < position)
                throw new ArgumentException("Overlapping text changes.", nameof(changes));
            builder.Append(text, position, change.Span.Start - position).Append(change.NewText);
            position = change.Span.Start + change.Span.Length;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// The smallest single edit turning <c>text[span]</c> into <paramref name="replacement"/>: common
    /// leading and trailing characters are left alone, so an editor keeps cursors and undo history.
    /// </summary>
    public static TextChange Minimal(string text, TextSpan span, string replacement)
    {
        var old = text.AsSpan(span.Start, span.Length);
        var prefix = 0;
        while (prefix < old.Length && prefix < replacement.Length && old[prefix] == replacement[prefix]) prefix++;
        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < replacement.Length - prefix
               && old[old.Length - 1 - suffix] == replacement[replacement.Length - 1 - suffix]) suffix++;
        return new TextChange(
            new TextSpan(span.Start + prefix, old.Length - prefix - suffix),
            replacement.Substring(prefix, replacement.Length - prefix - suffix));
    }
}
