namespace DockerLayerLsp.Syntax;

/// <summary>The handful of Go string predicates BuildKit's parser relies on, with Go's exact character classes.</summary>
internal static class GoText
{
    /// <summary>Go unicode.IsSpace; .NET's char.IsWhiteSpace is the same White_Space set (incl. U+0085, U+00A0).</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c);

    /// <summary>The ASCII class [\t\v\f\r ] that BuildKit's whitespace regex splits on.</summary>
    public static bool IsSplitSpace(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';

    public static (int Start, int End) TrimSpaceBounds(string text, int start, int end)
    {
        while (start < end && IsSpace(text[start])) start++;
        while (end > start && IsSpace(text[end - 1])) end--;
        return (start, end);
    }

    public static int SkipSplitSpace(string text, int index)
    {
        while (index < text.Length && IsSplitSpace(text[index])) index++;
        return index;
    }

    public static int FindSplitSpace(string text, int index)
    {
        while (index < text.Length && !IsSplitSpace(text[index])) index++;
        return index;
    }
}
