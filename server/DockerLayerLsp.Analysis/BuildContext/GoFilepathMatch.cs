namespace DockerLayerLsp.Analysis.BuildContext;

/// <summary>
/// Go's <c>filepath.Match</c> on a '/'-separator host: '*' (any run without '/'), '?' (one
/// character but not '/'), '[...]' classes with '^' negation and ranges, '\' escapes. It is the
/// matcher BuildKit uses for COPY source wildcards, and the syntax check patternmatcher applies to
/// every .dockerignore line. Written from the documented grammar; works on Unicode scalars.
/// </summary>
internal static class GoFilepathMatch
{
    /// <summary>Returns whether <paramref name="name"/> matches; <paramref name="badPattern"/> is set
    /// when the pattern is malformed (Go's <c>ErrBadPattern</c>), in which case the result is false.</summary>
    public static bool Match(string pattern, string name, out bool badPattern) =>
        Match(ToScalars(pattern), name, out badPattern);

    /// <summary>As <see cref="Match(string, string, out bool)"/> with the pattern already in <see cref="ToScalars"/> form, for matching one pattern against many names.</summary>
    public static bool Match(int[] pattern, string name, out bool badPattern)
    {
        var result = Match(pattern, ToScalars(name), out badPattern);
        return result && !badPattern;
    }

    /// <summary>Whether Go would accept the pattern (patternmatcher validates with <c>Match(p, ".")</c>).</summary>
    public static bool IsValid(string pattern)
    {
        Match(pattern, ".", out var bad);
        return !bad;
    }

    // Slices are (array, start, end) triples rather than spans to keep the port close to Go's
    // string slicing without fighting ref-safety rules.
    private static bool Match(int[] pattern, int[] name, out bool bad)
    {
        bad = false;
        var p = 0;
        var n = 0;
        while (p < pattern.Length)
        {
            var star = ScanChunk(pattern, ref p, out var chunkStart, out var chunkEnd);
            if (star && chunkStart == chunkEnd)
            {
                // A trailing '*' matches the rest unless it has a separator.
                return Array.IndexOf(name, '/', n) < 0;
            }

            var ok = MatchChunk(pattern, chunkStart, chunkEnd, name, n, out var rest, out bad);
            if (ok && (rest == name.Length || p < pattern.Length))
            {
                n = rest;
                continue;
            }

            if (bad)
            {
                return false;
            }

            var advanced = false;
            if (star)
            {
                // Let the star absorb 1..k characters, never a separator.
                for (var i = n; i < name.Length && name[i] != '/'; i++)
                {
                    ok = MatchChunk(pattern, chunkStart, chunkEnd, name, i + 1, out rest, out bad);
                    if (ok)
                    {
                        if (p == pattern.Length && rest < name.Length)
                        {
                            continue;
                        }

                        n = rest;
                        advanced = true;
                        break;
                    }

                    if (bad)
                    {
                        return false;
                    }
                }
            }

            if (advanced)
            {
                continue;
            }

            // Before answering "no", make sure the rest of the pattern is well formed, as Go does.
            while (p < pattern.Length)
            {
                ScanChunk(pattern, ref p, out chunkStart, out chunkEnd);
                MatchChunk(pattern, chunkStart, chunkEnd, [], 0, out _, out bad);
                if (bad)
                {
                    return false;
                }
            }

            return false;
        }

        return n == name.Length;
    }

    /// <summary>Skips leading stars and returns the next star-free chunk; <paramref name="p"/> moves past it.</summary>
    private static bool ScanChunk(int[] pattern, ref int p, out int chunkStart, out int chunkEnd)
    {
        var star = false;
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
            star = true;
        }

        var inRange = false;
        var i = p;
        for (; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    i++;
                }
            }
            else if (ch == '[')
            {
                inRange = true;
            }
            else if (ch == ']')
            {
                inRange = false;
            }
            else if (ch == '*' && !inRange)
            {
                break;
            }
        }

        chunkStart = p;
        chunkEnd = i;
        p = i;
        return star;
    }

    private static bool MatchChunk(int[] pattern, int c, int chunkEnd, int[] s, int si, out int rest, out bool bad)
    {
        rest = si;
        bad = false;
        var failed = false;
        while (c < chunkEnd)
        {
            if (!failed && si == s.Length)
            {
                failed = true;
            }

            switch (pattern[c])
            {
                case '[':
                {
                    var r = -1;
                    if (!failed)
                    {
                        r = s[si++];
                    }

                    c++;
                    var negated = false;
                    if (c < chunkEnd && pattern[c] == '^')
                    {
                        negated = true;
                        c++;
                    }

                    var matched = false;
                    var ranges = 0;
                    while (true)
                    {
                        if (c < chunkEnd && pattern[c] == ']' && ranges > 0)
                        {
                            c++;
                            break;
                        }

                        if (!GetEscaped(pattern, ref c, chunkEnd, out var lo))
                        {
                            bad = true;
                            return false;
                        }

                        var hi = lo;
                        if (pattern[c] == '-')
                        {
                            c++;
                            if (!GetEscaped(pattern, ref c, chunkEnd, out hi))
                            {
                                bad = true;
                                return false;
                            }
                        }

                        if (lo <= r && r <= hi)
                        {
                            matched = true;
                        }

                        ranges++;
                    }

                    if (matched == negated)
                    {
                        failed = true;
                    }

                    break;
                }

                case '?':
                    if (!failed)
                    {
                        if (s[si] == '/')
                        {
                            failed = true;
                        }

                        si++;
                    }

                    c++;
                    break;

                case '\\':
                    c++;
                    if (c == chunkEnd)
                    {
                        bad = true;
                        return false;
                    }

                    goto default;

                default:
                    if (!failed)
                    {
                        if (pattern[c] != s[si])
                        {
                            failed = true;
                        }

                        si++;
                    }

                    c++;
                    break;
            }
        }

        if (failed)
        {
            return false;
        }

        rest = si;
        return true;
    }

    /// <summary>One class endpoint, possibly '\'-escaped; a class may not end right after it.</summary>
    private static bool GetEscaped(int[] pattern, ref int c, int chunkEnd, out int value)
    {
        value = 0;
        if (c == chunkEnd || pattern[c] == '-' || pattern[c] == ']')
        {
            return false;
        }

        if (pattern[c] == '\\')
        {
            c++;
            if (c == chunkEnd)
            {
                return false;
            }
        }

        value = pattern[c++];
        return c < chunkEnd;
    }

    /// <summary>The text as Unicode scalar values, the unit Go's matcher works in.</summary>
    public static int[] ToScalars(string text)
    {
        var scalars = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            scalars.Add(rune.Value);
        }

        return [.. scalars];
    }
}
