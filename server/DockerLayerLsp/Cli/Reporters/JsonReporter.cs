using System.Text.Json;

namespace DockerLayerLsp.Cli.Reporters;

/// <summary>For scripts: an array of objects with file, 1-based positions, code, severity, message, fixable.</summary>
internal sealed class JsonReporter : IReporter
{
    public void Write(Stream output, IReadOnlyList<FileReport> reports)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var report in reports)
        {
            foreach (var problem in report.Problems)
            {
                json.WriteStartObject();
                json.WriteString("file", report.DisplayPath);
                json.WriteNumber("line", problem.Line);
                json.WriteNumber("column", problem.Column);
                json.WriteNumber("endLine", problem.EndLine);
                json.WriteNumber("endColumn", problem.EndColumn);
                json.WriteString("code", problem.Code);
                json.WriteString("severity", problem.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", problem.Message);
                json.WriteBoolean("fixable", problem.Fixable);
                if (problem.FixTitle is not null) json.WriteString("fix", problem.FixTitle);
                if (problem.FixTitle is not null) json.WriteBoolean("fixUnsafe", problem.FixIsUnsafe);
                if (problem.FixNote is not null) json.WriteString("fixNote", problem.FixNote);
                if (problem.HelpUri is not null) json.WriteString("url", problem.HelpUri);
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
