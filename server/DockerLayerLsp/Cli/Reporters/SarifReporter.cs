using System.Text.Json;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Rules;

namespace DockerLayerLsp.Cli.Reporters;

/// <summary>SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules as the driver's rules, relative URIs.</summary>
internal sealed class SarifReporter : IReporter
{
    public void Write(Stream output, IReadOnlyList<FileReport> reports)
    {
        var rules = RuleCatalog.Descriptors.ToList();
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "dockerlayer");
        json.WriteString("semanticVersion", typeof(SarifReporter).Assembly.GetName().Version?.ToString(3) ?? "0.1.0");
        json.WriteString("informationUri", "https://github.com/dockerlayerlsp/dockerlayerlsp");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            json.WriteStartObject("shortDescription"); json.WriteString("text", rule.Title); json.WriteEndObject();
            json.WriteStartObject("fullDescription"); json.WriteString("text", rule.Documentation.WhatItDoes); json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("help");
            json.WriteString("text", rule.Documentation.WhyItMatters);
            json.WriteString("markdown", $"{rule.Documentation.WhyItMatters}\n\n**Example**\n```dockerfile\n{rule.Documentation.Example}\n```\n\n**Use instead**\n```dockerfile\n{rule.Documentation.UseInstead}\n```");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration"); json.WriteString("level", Level(rule.DefaultSeverity)); json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var report in reports)
        {
            foreach (var problem in report.Problems)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", problem.Code);
                var index = rules.FindIndex(r => r.Id == problem.Code);
                if (index >= 0) json.WriteNumber("ruleIndex", index);
                json.WriteString("level", Level(problem.Severity));
                json.WriteStartObject("message"); json.WriteString("text", problem.Message); json.WriteEndObject();
                json.WriteStartArray("locations");
                WriteLocation(json, report.DisplayPath, problem.Line, problem.Column, problem.EndLine, problem.EndColumn, null);
                json.WriteEndArray();
                if (problem.Related.Count > 0)
                {
                    json.WriteStartArray("relatedLocations");
                    var id = 0;
                    foreach (var (line, column, message) in problem.Related)
                        WriteLocation(json, report.DisplayPath, line, column, null, null, (id++, message));
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteLocation(Utf8JsonWriter json, string path, int line, int column, int? endLine, int? endColumn, (int Id, string Message)? related)
    {
        json.WriteStartObject();
        if (related is { } r)
        {
            json.WriteNumber("id", r.Id);
            json.WriteStartObject("message"); json.WriteString("text", r.Message); json.WriteEndObject();
        }
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        // SARIF wants a URI: relative to %SRCROOT% when the file is below the working folder, else an absolute file: URI.
        if (Path.IsPathRooted(path))
        {
            json.WriteString("uri", new Uri(path).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", Uri.EscapeDataString(path).Replace("%2F", "/"));
            json.WriteString("uriBaseId", "%SRCROOT%");
        }
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", line);
        json.WriteNumber("startColumn", column);
        if (endLine is { } el) json.WriteNumber("endLine", el);
        if (endColumn is { } ec) json.WriteNumber("endColumn", ec);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };
}
