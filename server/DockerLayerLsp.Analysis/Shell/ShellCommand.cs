namespace DockerLayerLsp.Analysis.Shell;

/// <summary>
/// One simple command of a RUN line, after splitting on <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>
/// and newlines, with leading <c>NAME=value</c> assignments peeled off into <see cref="Environment"/>.
/// </summary>
/// <param name="Words">Unquoted words; the program is <c>Words[0]</c>.</param>
/// <param name="Text">The command's text as written (quotes kept).</param>
/// <param name="Start">Offset of <see cref="Text"/> in the script it came from.</param>
/// <param name="WorkingDirectory">Absolute container directory the command runs in, after any
/// preceding <c>cd</c> in the same RUN; null when a <c>cd</c> went somewhere we cannot resolve.</param>
public sealed record ShellCommand(
    IReadOnlyList<string> Words,
    string Text,
    int Start,
    IReadOnlyDictionary<string, string> Environment,
    string? WorkingDirectory)
{
    public string Program => Words.Count > 0 ? Words[0] : "";
}
