namespace DockerLayerLsp.Syntax;

/// <summary>
/// The line breaks ("\n", "\r\n", lone "\r") that end in a window of a text, counted by kind, with the line starts
/// they make. A "\r" at the window's end takes a following "\n" with it, so <see cref="ScannedTo"/> may pass the end.
/// Counting the same window of an old and a new text gives the difference an edit made.
/// </summary>
internal sealed class LineBreakCounts
{
    private LineBreakCounts(LineBreakTotals totals, List<int> starts, int scannedTo)
    {
        Totals = totals;
        Starts = starts;
        ScannedTo = scannedTo;
    }

    public LineBreakTotals Totals { get; }

    /// <summary>The line starts after each break in the window, ascending.</summary>
    public List<int> Starts { get; }

    /// <summary>Every break whose last character is before this offset was counted.</summary>
    public int ScannedTo { get; }

    public static LineBreakCounts Count(string text, int start, int end)
    {
        int lf = 0, crlf = 0, cr = 0;
        var starts = new List<int>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') { crlf++; i++; }
                else cr++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                lf++;
                starts.Add(i + 1);
            }
            i++;
        }
        return new LineBreakCounts(new LineBreakTotals(lf, crlf, cr), starts, i);
    }
}

/// <summary>How many line breaks of each kind a text (or a window of it) has.</summary>
internal sealed record LineBreakTotals(int Lf, int CrLf, int Cr)
{
    public static LineBreakTotals operator +(LineBreakTotals a, LineBreakTotals b) => new(a.Lf + b.Lf, a.CrLf + b.CrLf, a.Cr + b.Cr);

    public static LineBreakTotals operator -(LineBreakTotals a, LineBreakTotals b) => new(a.Lf - b.Lf, a.CrLf - b.CrLf, a.Cr - b.Cr);
}

