namespace DockerLayerLsp.Syntax;

/// <summary>
/// A physical line as BuildKit sees it: the text is split after every '\n' only. <see cref="ContentEnd"/> is the
/// end after "trim newline" (all trailing '\r' and '\n' removed), <see cref="End"/> includes the break.
/// </summary>
internal readonly record struct PhysicalLine(int Start, int ContentEnd, int End)
{
    public static List<PhysicalLine> Split(string text)
    {
        var lines = new List<PhysicalLine>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            var contentEnd = end;
            while (contentEnd > start && text[contentEnd - 1] is '\r' or '\n') contentEnd--;
            lines.Add(new PhysicalLine(start, contentEnd, end));
            start = end;
        }
        return lines;
    }
}
