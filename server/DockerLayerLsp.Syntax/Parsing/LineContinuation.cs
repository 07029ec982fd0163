namespace DockerLayerLsp.Syntax;

/// <summary>
/// BuildKit's continuation test `([^E])E[ \t]*$|^E[ \t]*$`: the line ends with the escape character E followed only
/// by blanks, and that E is the whole line or not itself preceded by E (so "\\" at the end is not a continuation).
/// </summary>
internal static class LineContinuation
{
    /// <summary>Returns the end of the text that is kept (E and its trailing blanks removed) and whether the line continues.</summary>
    public static (int KeptEnd, bool Continues) Trim(string text, int start, int end, char escape)
    {
        var last = end;
        while (last > start && text[last - 1] is ' ' or '\t') last--;
        if (last == start || text[last - 1] != escape) return (end, false);
        var escapeIndex = last - 1;
        if (escapeIndex > start && text[escapeIndex - 1] == escape) return (end, false);
        return (escapeIndex, true);
    }
}
