using System.Text;

namespace DockerLayerLsp.Analysis.Findings;

/// <summary>
/// An instruction as a message quotes it: its logical line (continuations joined, comment lines inside them and
/// heredoc bodies left out, runs of spaces collapsed), cut at a readable width. Quoting only the first physical
/// line would show `COPY --chown=node \`, and quoting all of it can put megabytes into a diagnostic.
/// </summary>
public static class InstructionQuote
{
    public const int MaxLength = 80;

    public static string Of(string instructionText, char escape)
    {
        var quote = new StringBuilder();
        var lines = instructionText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (i > 0 && (line.Length == 0 || line[0] == '#')) continue;
            var continues = line.Length > 0 && line[^1] == escape;
            if (continues) line = line[..^1].TrimEnd();
            if (quote.Length > 0 && line.Length > 0) quote.Append(' ');
            AppendCollapsed(quote, line);
            if (!continues || quote.Length > MaxLength) break;
        }
        return quote.Length > MaxLength ? quote.ToString(0, MaxLength).TrimEnd() + "…" : quote.ToString();
    }

    /// <summary>A shell command as a message quotes it: whitespace runs (joined continuations) collapsed, cut at a readable width.</summary>
    public static string Command(string command)
    {
        var quote = new StringBuilder();
        AppendCollapsed(quote, command.Trim());
        return quote.Length > MaxLength ? quote.ToString(0, MaxLength).TrimEnd() + "…" : quote.ToString();
    }

    private static void AppendCollapsed(StringBuilder quote, string line)
    {
        foreach (var c in line)
        {
            var space = char.IsWhiteSpace(c);
            if (space && quote.Length > 0 && quote[^1] == ' ') continue;
            quote.Append(space ? ' ' : c);
        }
    }
}
