using System.Text;
using System.Text.RegularExpressions;

namespace DockerLayerLsp.Analysis.BuildContext;

/// <summary>
/// One effective .dockerignore line. <see cref="Pattern"/> is the cleaned form Docker matches
/// with (no '!', no leading '/', Go <c>path.Clean</c> applied); an invalid pattern
/// (<see cref="Error"/> set) never matches.
/// </summary>
public sealed class DockerIgnorePattern
{
    private enum Kind
    {
        Never,
        Exact,
        Prefix,
        Suffix,
        Regex,
    }

    private readonly Kind _kind;
    private readonly string _literal = "";
    private readonly Regex? _regex;

    private DockerIgnorePattern(int line, string text, string pattern, bool isException, string? error)
    {
        Line = line;
        Text = text;
        Pattern = pattern;
        IsException = isException;
        Error = error;
        if (error is null)
        {
            (_kind, _literal, _regex, Error) = Compile(pattern);
        }
    }

    /// <summary>1-based line in the .dockerignore text.</summary>
    public int Line { get; }

    /// <summary>The line as written, trimmed.</summary>
    public string Text { get; }

    /// <summary>The cleaned pattern Docker matches paths against, without the '!' prefix.</summary>
    public string Pattern { get; }

    /// <summary>A '!' line: re-includes what earlier lines excluded.</summary>
    public bool IsException { get; }

    /// <summary>Why Docker would reject this line (it fails the whole build); null when valid.</summary>
    public string? Error { get; }

    public override string ToString() => IsException ? "!" + Pattern : Pattern;

    /// <summary>
    /// Turns one raw line into a pattern the way Docker does: ignorefile.ReadAll (comment only when
    /// '#' is the first byte, trim, strip '!' and trim again, clean, drop one leading '/'), then
    /// patternmatcher.New (clean again, split off '!', validate with filepath.Match).
    /// Returns null for comments and blank lines.
    /// </summary>
    internal static DockerIgnorePattern? FromLine(int line, string rawLine)
    {
        if (rawLine.StartsWith('#'))
        {
            return null;
        }

        var text = rawLine.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var pattern = text;
        var invert = pattern[0] == '!';
        if (invert)
        {
            pattern = pattern[1..].Trim();
        }

        if (pattern.Length > 0)
        {
            pattern = ContextPath.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }
        }

        if (invert)
        {
            pattern = "!" + pattern;
        }

        // patternmatcher.New cleans the whole line once more, '!' included.
        pattern = ContextPath.Clean(pattern);
        var isException = false;
        if (pattern[0] == '!')
        {
            if (pattern.Length == 1)
            {
                return new DockerIgnorePattern(line, text, "", true, "illegal exclusion pattern \"!\"");
            }

            isException = true;
            pattern = pattern[1..];
        }

        var error = GoFilepathMatch.IsValid(pattern) ? null : "syntax error in pattern (Go filepath.Match: ErrBadPattern)";
        return new DockerIgnorePattern(line, text, pattern, isException, error);
    }

    /// <summary>A single include pattern, already cleaned (COPY --parents sources).</summary>
    internal static DockerIgnorePattern FromCleanPattern(string pattern) =>
        new(0, pattern, pattern, false, GoFilepathMatch.IsValid(pattern) ? null : "syntax error in pattern (Go filepath.Match: ErrBadPattern)");

    /// <summary>patternmatcher's MatchesOrParentMatches for one pattern: the path or one of its directories matches.</summary>
    internal bool MatchesSelfOrAncestor(string path) => Matches(path) || MatchesAncestor(path);

    internal bool MatchesAncestor(string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (Matches(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    internal bool Matches(string path) => _kind switch
    {
        Kind.Exact => path == _literal,
        Kind.Prefix => path.StartsWith(_literal, StringComparison.Ordinal),
        Kind.Suffix => path.EndsWith(_literal, StringComparison.Ordinal)
            || (_literal.Length > 0 && _literal[0] == '/' && path.AsSpan().SequenceEqual(_literal.AsSpan(1))),
        Kind.Regex => _regex!.IsMatch(path),
        _ => false,
    };

    /// <summary>
    /// The backtracking engine builds in microseconds, which matters when an editor re-parses the
    /// file on every keystroke; with many stars its worst case turns polynomial in the path
    /// length, so such patterns get the linear-time engine (RE2-like, as in Go) instead.
    /// </summary>
    private static RegexOptions RegexEngineFor(Rune[] pattern)
    {
        const int MaxStarsForBacktracking = 4;
        var stars = pattern.Count(r => r.Value == '*');
        return RegexOptions.CultureInvariant | (stars > MaxStarsForBacktracking ? RegexOptions.NonBacktracking : RegexOptions.None);
    }

    /// <summary>
    /// patternmatcher's translation: plain text is an exact match, "x/**" a prefix match,
    /// "**/x" (no other wildcard) a suffix match, everything else a regular expression where '*'
    /// and '?' stop at '/', "**/" (or "**" mid-pattern) spans any number of elements, '[...]' is
    /// passed through as a regex class and '\' escapes the next character.
    /// </summary>
    private static (Kind Kind, string Literal, Regex? Regex, string? Error) Compile(string pattern)
    {
        var kind = Kind.Exact;
        var regex = new StringBuilder("^");
        var scalars = pattern.EnumerateRunes().ToArray();
        var index = 0;
        for (var token = 0; index < scalars.Length; token++)
        {
            var ch = scalars[index++].Value;
            if (ch == '*')
            {
                if (index < scalars.Length && scalars[index].Value == '*')
                {
                    index++;
                    if (index < scalars.Length && scalars[index].Value == '/')
                    {
                        index++;
                    }

                    if (index == scalars.Length)
                    {
                        if (kind == Kind.Exact)
                        {
                            kind = Kind.Prefix;
                        }
                        else
                        {
                            regex.Append(".*");
                            kind = Kind.Regex;
                        }
                    }
                    else
                    {
                        regex.Append("(?:.*/)?");
                        kind = Kind.Regex;
                    }

                    // A leading "**" makes it a suffix test, unless later wildcards force a regex.
                    if (token == 0)
                    {
                        kind = Kind.Suffix;
                    }
                }
                else
                {
                    regex.Append("[^/]*");
                    kind = Kind.Regex;
                }
            }
            else if (ch == '?')
            {
                // One scalar, not one UTF-16 unit: Go's regexp works on runes.
                regex.Append(@"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^/])");
                kind = Kind.Regex;
            }
            else if (ch is '.' or '+' or '(' or ')' or '|' or '{' or '}' or '$')
            {
                regex.Append('\\').Append((char)ch);
            }
            else if (ch == '\\')
            {
                if (index < scalars.Length)
                {
                    regex.Append('\\').Append(scalars[index++].ToString());
                    kind = Kind.Regex;
                }
                else
                {
                    regex.Append(@"\\");
                }
            }
            else if (ch is '[' or ']')
            {
                regex.Append((char)ch);
                kind = Kind.Regex;
            }
            else
            {
                regex.Append(char.ConvertFromUtf32(ch));
            }
        }

        switch (kind)
        {
            case Kind.Exact:
                return (kind, pattern, null, null);
            case Kind.Prefix:
                return (kind, pattern[..^2], null, null);
            case Kind.Suffix:
                return (kind, pattern[2..], null, null);
        }

        // \z, not $: .NET's $ also matches before a final '\n', Go's does not.
        regex.Append(@"\z");
        try
        {
            return (kind, "", new Regex(regex.ToString(), RegexEngineFor(scalars)), null);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return (Kind.Never, "", null, "pattern does not translate to a valid regular expression: " + e.Message);
        }
    }
}
