using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>The result of <see cref="BuildKitDump.Dump"/>: the AST dump text and BuildKit's fatal parse errors.</summary>
public sealed record BuildKitDumpResult(string Text, IReadOnlyList<SyntaxDiagnostic> Errors)
{
    /// <summary>True when BuildKit's parser would accept the file.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Prints BuildKit's AST dump (the format of its parser test `result` files, see FORMAT.md section 8): one line per
/// top-level instruction, lower-cased command, flags as a Go-quoted list, values Go-quoted, ONBUILD nested.
/// </summary>
public static class BuildKitDump
{
    public static BuildKitDumpResult Dump(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var instruction in tree.Root.Instructions)
        {
            builder.Append('(').Append(FormatNode(instruction.Data)).Append(")\n");
        }
        if (builder.Length == 0) builder.Append('\n');
        var errors = tree.Diagnostics.Where(d => d.IsBuildKitParseError).ToArray();
        return new BuildKitDumpResult(builder.ToString(), errors);
    }

    /// <summary>Convenience for the CLI: parse and dump a text.</summary>
    public static BuildKitDumpResult Dump(string text) => Dump(SyntaxTree.Parse(text));

    internal static string FormatNode(InstructionData data)
    {
        var builder = new StringBuilder();
        builder.Append(data.Keyword.ToLowerInvariant());
        if (data.DumpFlags.Count > 0)
        {
            builder.Append(" [");
            for (var i = 0; i < data.DumpFlags.Count; i++)
            {
                if (i > 0) builder.Append(' ');
                GoQuote.AppendQuoted(builder, data.DumpFlags[i]);
            }
            builder.Append(']');
        }
        foreach (var value in data.DumpValues)
        {
            builder.Append(' ');
            GoQuote.AppendQuoted(builder, value);
        }
        if (data.Nested is not null)
        {
            builder.Append(" (").Append(FormatNode(data.Nested)).Append(')');
        }
        var text = builder.ToString();
        var (start, end) = GoText.TrimSpaceBounds(text, 0, text.Length);
        return text[start..end];
    }
}
