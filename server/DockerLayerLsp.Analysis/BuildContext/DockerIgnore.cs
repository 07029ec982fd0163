namespace DockerLayerLsp.Analysis.BuildContext;

/// <summary>
/// A parsed .dockerignore with Docker's matching rules (moby/patternmatcher as driven by
/// BuildKit's context walk in tonistiigi/fsutil):
/// <list type="bullet">
/// <item>patterns are tried in order, the last one that matches decides ("!" re-includes);</item>
/// <item>a pattern that matched a directory also matches everything below it;</item>
/// <item>an excluded directory is not even entered unless an exception could re-include something
/// inside it, so nothing below it survives.</item>
/// </list>
/// Immutable and thread-safe.
/// </summary>
public sealed class DockerIgnore
{
    /// <summary>Characters that make fsutil give up its "only literal exceptions" shortcut.</summary>
    private const string ExceptionWildcardChars = "*[]?^\\";

    private readonly DockerIgnorePattern[] _active;
    private readonly bool _hasExceptions;
    private readonly bool _onlyLiteralExceptions;

    private DockerIgnore(IReadOnlyList<DockerIgnorePattern> patterns, IReadOnlyList<string> notes)
    {
        Patterns = patterns;
        Notes = notes;
        _active = patterns.Where(p => p.Error is null).ToArray();
        _hasExceptions = _active.Any(p => p.IsException);
        _onlyLiteralExceptions = !_active.Any(p =>
            p.IsException && LiteralPrefix(p.Pattern).AsSpan().IndexOfAny(ExceptionWildcardChars) >= 0);
    }

    /// <summary>No patterns: nothing is excluded.</summary>
    public static DockerIgnore Empty { get; } = new([], []);

    /// <summary>Every non-comment, non-blank line in order, including invalid ones (see <see cref="DockerIgnorePattern.Error"/>).</summary>
    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }

    /// <summary>Lines docker build would fail on (it rejects the whole file); here they are ignored and the rest applies.</summary>
    public IReadOnlyList<string> Notes { get; }

    public static DockerIgnore Parse(string text)
    {
        var patterns = new List<DockerIgnorePattern>();
        var notes = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in SplitLines(text))
        {
            lineNumber++;
            var line = lineNumber == 1 && rawLine.StartsWith('\uFEFF') ? rawLine[1..] : rawLine;
            var pattern = DockerIgnorePattern.FromLine(lineNumber, line);
            if (pattern is null)
            {
                continue;
            }

            patterns.Add(pattern);
            if (pattern.Error is not null)
            {
                notes.Add($"line {lineNumber}: '{pattern.Text}': {pattern.Error}; docker build fails on it; the line is ignored here");
            }
        }

        return patterns.Count == 0 && notes.Count == 0 ? Empty : new DockerIgnore(patterns, notes);
    }

    /// <summary>
    /// Whether Docker leaves this path out of the build context. The path is '/'-separated and
    /// relative to the context root ("./a", "/a" and "a" are the same). Directory-ness does not
    /// change Docker's verdict for the path itself (a trailing '/' in a pattern is cleaned away);
    /// the parameter exists so callers can say what they know.
    /// </summary>
    public bool IsExcluded(string relativePath, bool isDirectory = false) => Judge(relativePath)?.Excluded ?? false;

    /// <summary>
    /// The line that decides <see cref="IsExcluded"/> for this path: the last pattern that matched
    /// it or one of its directories (an exclusion, or a '!' exception that re-included it); null
    /// when no line matched. For hovers and messages such as "excluded by .dockerignore line 3".
    /// </summary>
    public DockerIgnorePattern? DecidingPattern(string relativePath) =>
        Judge(relativePath) is { DecidingPattern: >= 0 } verdict ? _active[verdict.DecidingPattern] : null;

    /// <summary>Walks down the path as the context walk would; stops early at a directory it would not enter.</summary>
    private MatchInfo? Judge(string relativePath)
    {
        var path = ContextPath.ToContextRelative(relativePath);
        if (path.Length == 0 || _active.Length == 0)
        {
            return null;
        }

        var elements = ContextPath.Elements(path);
        MatchInfo? step = null;
        var prefix = "";
        for (var i = 0; i < elements.Length; i++)
        {
            prefix = ContextPath.Join(prefix, elements[i]);
            step = Evaluate(prefix, step);
            if (step.Excluded && i < elements.Length - 1 && SkipsExcludedDirectory(prefix))
            {
                break;
            }
        }

        return step;
    }

    /// <summary>
    /// The verdict for one walk step, given the parent directory's step (null at the top level).
    /// Mirrors patternmatcher's MatchesUsingParentResults exactly, including its shortcut: a
    /// pattern that cannot change the running verdict is not evaluated and is recorded as "not
    /// matched" for the children.
    /// </summary>
    internal MatchInfo Evaluate(string path, MatchInfo? parent)
    {
        var parentMatched = parent?.PatternMatched;
        var matched = new bool[_active.Length];
        var excluded = false;
        var decidingPattern = -1;
        for (var i = 0; i < _active.Length; i++)
        {
            var pattern = _active[i];
            var match = parentMatched is not null && parentMatched[i];
            if (!match)
            {
                if (pattern.IsException != excluded)
                {
                    continue;
                }

                match = pattern.Matches(path);
                if (!match && parentMatched is null)
                {
                    match = pattern.MatchesAncestor(path);
                }
            }

            matched[i] = match;
            if (match)
            {
                excluded = !pattern.IsException;
                decidingPattern = i;
            }
        }

        return new MatchInfo(excluded, matched, decidingPattern);
    }

    /// <summary>
    /// fsutil does not descend into an excluded directory when every exception is a literal path
    /// (ignoring a trailing "/*" or "/**") and none of them lies below that directory. With a
    /// wildcard exception it always descends and lets the per-path verdict decide.
    /// </summary>
    internal bool SkipsExcludedDirectory(string directory)
    {
        if (!_hasExceptions)
        {
            return true;
        }

        if (!_onlyLiteralExceptions)
        {
            return false;
        }

        var directorySlash = directory + "/";
        return !_active.Any(p => p.IsException && (LiteralPrefix(p.Pattern) + "/").StartsWith(directorySlash, StringComparison.Ordinal));
    }

    internal bool IsEmpty => _active.Length == 0;

    /// <summary>fsutil's patternWithoutTrailingGlob: strip one "/**", then one "/*".</summary>
    private static string LiteralPrefix(string pattern)
    {
        if (pattern.EndsWith("/**", StringComparison.Ordinal))
        {
            pattern = pattern[..^3];
        }

        if (pattern.EndsWith("/*", StringComparison.Ordinal))
        {
            pattern = pattern[..^2];
        }

        return pattern;
    }

    /// <summary>Go bufio.ScanLines: split on '\n', drop one trailing '\r' per line.</summary>
    private static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end;
            var line = text[start..stop];
            yield return line.EndsWith('\r') ? line[..^1] : line;
            if (end < 0)
            {
                yield break;
            }

            start = end + 1;
        }
    }

    /// <summary>One walk step's result: the verdict, the line behind it and, per valid pattern, whether it matched (for the children).</summary>
    internal sealed class MatchInfo(bool excluded, bool[] patternMatched, int decidingPattern)
    {
        public bool Excluded { get; } = excluded;

        public bool[] PatternMatched { get; } = patternMatched;

        /// <summary>Index (among valid patterns) of the last pattern that matched; -1 for none.</summary>
        public int DecidingPattern { get; } = decidingPattern;
    }
}
