using System.Text.Json;
using static DockerLayerLsp.Server.Tests.Cli.DockerlayerProcess;

namespace DockerLayerLsp.Server.Tests.Cli;

public class CheckCommandTests
{
    [Fact]
    public void Text_output_reports_the_go_example_with_position_code_and_frame_and_exits_1()
    {
        var folder = CopyExample("go-modules");
        var result = Run(folder, "check", ".");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Dockerfile:4:1: DLC001 `go mod download` (line 5)", result.Stdout);
        Assert.Contains("4 | COPY . .", result.Stdout);
        Assert.Contains("go.mod, go.sum", result.Stdout);
    }

    [Fact]
    public void Fix_rewrites_the_example_into_the_manifest_first_order_and_the_recheck_is_clean()
    {
        var folder = CopyExample("go-modules");
        var dockerfile = Path.Combine(folder, "Dockerfile");
        var before = File.ReadAllText(dockerfile);
        var result = Run(folder, "check", "--fix", "Dockerfile");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("fixed Dockerfile: Copy go.mod, go.sum first", result.Stdout);
        var expected = before.Replace("COPY . .\nRUN go mod download\n", "COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n");
        Assert.NotEqual(before, expected);
        Assert.Equal(expected, File.ReadAllText(dockerfile));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.Equal(0, Run(folder, "check", "Dockerfile").ExitCode);
    }

    [Fact]
    public void An_unsafe_fix_is_counted_apart_and_applied_only_with_unsafe_fixes()
    {
        // Without `go mod download`, the fix must add a command: unsafe, so plain --fix leaves the file alone.
        var folder = CopyExample("go-modules");
        var dockerfile = Path.Combine(folder, "Dockerfile");
        var before = File.ReadAllText(dockerfile).Replace("RUN go mod download\n", "");
        File.WriteAllText(dockerfile, before);

        var check = Run(folder, "check", ".");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("(1 fixable with --fix --unsafe-fixes).", check.Stdout);
        Assert.Contains("why unsafe: Adds the command `go mod download`", check.Stdout);

        Assert.Equal(1, Run(folder, "check", "--fix", ".").ExitCode);
        Assert.Equal(before, File.ReadAllText(dockerfile));

        var applied = Run(folder, "check", "--fix", "--unsafe-fixes", ".");
        Assert.Equal(0, applied.ExitCode);
        var after = File.ReadAllText(dockerfile);
        Assert.Contains("COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n", after);
        Assert.Equal(0, Run(folder, "check", ".").ExitCode);
    }

    [Fact]
    public void Fix_keeps_a_byte_order_mark_and_crlf()
    {
        var folder = CopyExample("npm");
        var dockerfile = Path.Combine(folder, "Dockerfile");
        var text = File.ReadAllText(dockerfile).Replace("\n", "\r\n");
        File.WriteAllBytes(dockerfile, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(0, Run(folder, "check", "--fix", ".").ExitCode);
        var bytes = File.ReadAllBytes(dockerfile);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var fixedText = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("COPY package.json package-lock.json ./\r\nRUN npm ci --omit=dev\r\n# The whole project first: any edit re-runs npm ci.\r\nCOPY . .\r\n", fixedText);
        Assert.DoesNotContain("\n", fixedText.Replace("\r\n", ""));
    }

    [Fact]
    public void Json_output_has_the_documented_fields_with_1_based_positions()
    {
        var folder = CopyExample("go-modules");
        var result = Run(folder, "check", "--format", "json", ".");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Dockerfile", item.GetProperty("file").GetString());
        Assert.Equal(4, item.GetProperty("line").GetInt32());
        Assert.Equal(1, item.GetProperty("column").GetInt32());
        Assert.Equal(4, item.GetProperty("endLine").GetInt32());
        Assert.Equal(9, item.GetProperty("endColumn").GetInt32());
        Assert.Equal("DLC001", item.GetProperty("code").GetString());
        Assert.Equal("warning", item.GetProperty("severity").GetString());
        Assert.True(item.GetProperty("fixable").GetBoolean());
        Assert.Contains("go mod download", item.GetProperty("message").GetString());
    }

    [Fact]
    public void Sarif_output_is_a_2_1_0_log_with_rules_results_and_relative_locations()
    {
        var folder = CopyExample("npm");
        var result = Run(folder, "check", "--format", "sarif", ".");
        using var sarif = JsonDocument.Parse(result.Stdout);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal("dockerlayer", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "DLC001");
        var finding = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("DLC001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("warning", finding.GetProperty("level").GetString());
        var location = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(4, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Folder_search_finds_every_dockerfile_name_and_skips_node_modules()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dockerlayer-tests", Guid.NewGuid().ToString("N"));
        foreach (var name in new[] { "Dockerfile", "Dockerfile.dev", "api.Dockerfile", "sub/Containerfile", "node_modules/x/Dockerfile" })
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "FROM alpine\nCOPY . .\nRUN npm ci\n");
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "package.json"), "{}");
        }
        var result = Run(folder, "check", "--format", "json", ".");
        using var json = JsonDocument.Parse(result.Stdout);
        var files = json.RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()!).Order().ToArray();
        Assert.Equal(["Dockerfile", "Dockerfile.dev", "api.Dockerfile", "sub/Containerfile"], files);
    }

    [Fact]
    public void A_clean_file_exits_0_and_says_so()
    {
        var folder = CopyExample("go-modules");
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n");
        var result = Run(folder, "check", ".");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("All checks passed", result.Stdout);
    }

    [Theory]
    [InlineData("check", "does-not-exist")]
    [InlineData("check", "--format", "xml", ".")]
    [InlineData("check")]
    [InlineData("frobnicate")]
    public void Usage_and_io_errors_exit_2_with_one_line_on_stderr(params string[] args)
    {
        var result = Run(CopyExample("go-modules"), args);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("dockerlayer: ", result.Stderr);
    }

    [Fact]
    public void Half_typed_dockerfile_gets_diagnostics_not_a_crash()
    {
        var folder = CopyExample("go-modules");
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM golang AS\nCOPY --from=\nRUN <<EOF\necho unterminated\nENV\n");
        var result = Run(folder, "check", "--format", "json", ".");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void Rules_lists_dlc001_and_rule_prints_its_documentation_sections()
    {
        var list = Run(RepoRoot(), "rules");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("DLC001", list.Stdout);
        var doc = Run(RepoRoot(), "rule", "DLC001");
        Assert.Equal(0, doc.ExitCode);
        foreach (var section in new[] { "## What it does", "## Why it matters", "## Example", "## Use instead", "## Fix safety" })
            Assert.Contains(section, doc.Stdout);
        Assert.Equal(2, Run(RepoRoot(), "rule", "NOPE1").ExitCode);
    }
}
