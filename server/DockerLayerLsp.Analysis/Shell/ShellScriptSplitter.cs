using System.Text;

namespace DockerLayerLsp.Analysis.Shell;

/// <summary>
/// Splits a POSIX shell script into simple commands. This is not a shell: it understands quoting,
/// backslash escapes, comments and the list/pipe operators, which is what deciding "which commands
/// does this RUN execute" needs. Compound syntax (<c>for</c>, <c>if</c>, subshells) is kept as
/// ordinary words, so a loop body still shows up as commands after its <c>do</c>.
/// </summary>
public static class ShellScriptSplitter
{
    private static readonly HashSet<string> KeywordsBeforeCommand = new(StringComparer.Ordinal)
    {
        "do", "then", "else", "elif", "!", "{", "(", "time", "exec", "sudo", "nohup",
    };

    /// <summary>Splits <paramref name="script"/>, tracking <c>cd</c> from <paramref name="workingDirectory"/>.</summary>
    public static IReadOnlyList<ShellCommand> Split(string script, string? workingDirectory)
    {
        var result = new List<ShellCommand>();
        var cwd = workingDirectory;
        foreach (var (start, end) in SplitRanges(script))
        {
            var text = script[start..end].Trim();
            if (text.Length == 0) continue;
            var leading = start + (script[start..end].Length - script[start..end].TrimStart().Length);
            var words = ShellWords.Split(text);
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            while (index < words.Count && (KeywordsBeforeCommand.Contains(words[index]) || IsAssignment(words[index], env)))
                index++;
            var commandWords = words.Skip(index).ToList();
            if (commandWords.Count == 0) continue;
            if (commandWords[0] == "env")
            {
                // `env A=1 npm ci` sets variables for one command, like a prefix assignment.
                var i = 1;
                while (i < commandWords.Count && (commandWords[i].StartsWith('-') || IsAssignment(commandWords[i], env))) i++;
                commandWords = commandWords.Skip(i).ToList();
                if (commandWords.Count == 0) continue;
            }
            if (IsShellDashC(commandWords, out var inner))
            {
                foreach (var nested in Split(inner, cwd))
                {
                    result.Add(nested with { Start = leading, Text = text });
                    cwd = nested.WorkingDirectory;
                }
                continue;
            }
            result.Add(new ShellCommand(commandWords, text, leading, env, cwd));
            if (commandWords[0] == "cd")
                cwd = ContainerPaths.ResolveCd(cwd, commandWords.Count > 1 ? commandWords[1] : null);
        }
        return result;
    }

    /// <summary>Commands of a JSON exec-form RUN: one command, unless it is <c>["sh", "-c", "..."]</c>.</summary>
    public static IReadOnlyList<ShellCommand> FromWords(IReadOnlyList<string> words, string text, string? workingDirectory)
    {
        var list = words.ToList();
        if (list.Count == 0) return [];
        if (IsShellDashC(list, out var inner)) return Split(inner, workingDirectory);
        return [new ShellCommand(list, text, 0, new Dictionary<string, string>(), workingDirectory)];
    }

    private static bool IsAssignment(string word, Dictionary<string, string> env)
    {
        var eq = word.IndexOf('=');
        if (eq <= 0) return false;
        for (var i = 0; i < eq; i++)
        {
            var c = word[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_') || (i == 0 && char.IsAsciiDigit(c))) return false;
        }
        env[word[..eq]] = word[(eq + 1)..];
        return true;
    }

    private static bool IsShellDashC(List<string> words, out string inner)
    {
        inner = "";
        if (words.Count < 3) return false;
        var program = Path.GetFileName(words[0]);
        if (program is not ("sh" or "bash" or "ash" or "dash" or "zsh")) return false;
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (words[i].StartsWith('-') && words[i].Contains('c') && !words[i].StartsWith("--"))
            {
                inner = words[i + 1];
                return true;
            }
            if (!words[i].StartsWith('-')) return false;
        }
        return false;
    }

    /// <summary>Ranges of the script between list/pipe operators and newlines, honouring quotes.</summary>
    private static IEnumerable<(int Start, int End)> SplitRanges(string s)
    {
        var start = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            switch (c)
            {
                case '\\':
                    i += 2;
                    continue;
                case '\'':
                    i = SkipUntil(s, i + 1, '\'');
                    continue;
                case '"':
                    i = SkipDoubleQuoted(s, i + 1);
                    continue;
                case '#' when i == 0 || char.IsWhiteSpace(s[i - 1]):
                    yield return (start, i);
                    while (i < s.Length && s[i] != '\n') i++;
                    start = i;
                    continue;
                case '\n' or ';':
                    yield return (start, i);
                    start = ++i;
                    continue;
                case '&' or '|':
                    yield return (start, i);
                    i += i + 1 < s.Length && s[i + 1] == c ? 2 : 1;
                    start = i;
                    continue;
                default:
                    i++;
                    continue;
            }
        }
        if (start < s.Length) yield return (start, s.Length);
    }

    private static int SkipUntil(string s, int i, char close)
    {
        while (i < s.Length && s[i] != close) i++;
        return Math.Min(i + 1, s.Length);
    }

    private static int SkipDoubleQuoted(string s, int i)
    {
        while (i < s.Length && s[i] != '"')
            i += s[i] == '\\' ? 2 : 1;
        return Math.Min(i + 1, s.Length);
    }
}

/// <summary>POSIX-style word splitting with quote removal (no expansion).</summary>
public static class ShellWords
{
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            switch (c)
            {
                case '\\' when i + 1 < text.Length:
                    if (text[i + 1] != '\n') current.Append(text[i + 1]);
                    i++;
                    break;
                case '\'':
                    for (i++; i < text.Length && text[i] != '\''; i++) current.Append(text[i]);
                    break;
                case '"':
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`') i++;
                        current.Append(text[i]);
                    }
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
