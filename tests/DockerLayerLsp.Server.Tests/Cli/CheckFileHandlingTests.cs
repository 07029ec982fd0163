using System.Text.Json;
using static DockerLayerLsp.Server.Tests.Cli.DockerlayerProcess;

namespace DockerLayerLsp.Server.Tests.Cli;

/// <summary>What `check` does to files and folders around the analysis: --fix changes the text and nothing else
/// about a file, and paths that find nothing or cannot be written fail loudly (exit 2), never as a pass.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class CheckFileHandlingTests
{
    private const string ManifestFirst = "COPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n";

    [Fact]
    public void Fix_writes_through_a_symlink_and_keeps_the_link()
    {
        var folder = CopyExample("npm");
        var real = Path.Combine(folder, "shared.Dockerfile");
        File.Move(Path.Combine(folder, "Dockerfile"), real);
        File.CreateSymbolicLink(Path.Combine(folder, "Dockerfile"), "shared.Dockerfile");

        Assert.Equal(0, Run(folder, "check", "--fix", "Dockerfile").ExitCode);

        Assert.Equal("shared.Dockerfile", new FileInfo(Path.Combine(folder, "Dockerfile")).LinkTarget);
        Assert.Contains(ManifestFirst, File.ReadAllText(real));
    }

    [Fact]
    public void Fix_keeps_the_file_mode()
    {
        var folder = CopyExample("npm");
        var dockerfile = Path.Combine(folder, "Dockerfile");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(dockerfile, mode);

        Assert.Equal(0, Run(folder, "check", "--fix", ".").ExitCode);

        Assert.Equal(mode, File.GetUnixFileMode(dockerfile));
        Assert.Contains(ManifestFirst, File.ReadAllText(dockerfile));
    }

    [SkippableFact]
    public void Fix_run_as_root_keeps_the_owner_of_a_users_file()
    {
        Skip.IfNot(Environment.UserName == "root", "only root can create a file owned by someone else (and only root's fix could change the owner)");
        var folder = CopyExample("npm");
        var dockerfile = Path.Combine(folder, "Dockerfile");
        Assert.Equal("0", Shell("chown", "65534:65534", dockerfile));

        Assert.Equal(0, Run(folder, "check", "--fix", ".").ExitCode);

        Assert.Equal("65534:65534", Shell("stat", "-c", "%u:%g", dockerfile).Trim());
        Assert.Contains(ManifestFirst, File.ReadAllText(dockerfile));
    }

    /// <summary>Runs a coreutils command; its output, or "0" when it printed nothing and succeeded.</summary>
    private static string Shell(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Length == 0 ? "0" : output;
    }

    [Fact]
    public void Fix_keeps_other_hard_links_to_the_file()
    {
        var folder = CopyExample("npm");
        var dockerfile = Path.Combine(folder, "Dockerfile");
        var other = Path.Combine(folder, "linked.txt");
        Shell("ln", dockerfile, other);

        Assert.Equal(0, Run(folder, "check", "--fix", "Dockerfile").ExitCode);

        Assert.Contains(ManifestFirst, File.ReadAllText(other));
    }

    [Fact]
    public void Fix_refuses_a_read_only_file_with_one_line_and_exit_2_but_still_reports()
    {
        var folder = CopyExample("npm");
        var dockerfile = Path.Combine(folder, "Dockerfile");
        var before = File.ReadAllText(dockerfile);
        File.SetUnixFileMode(dockerfile, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = Run(folder, "check", "--fix", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("dockerlayer: cannot write Dockerfile: the file is read-only", result.Stderr);
        Assert.DoesNotContain("Unhandled", result.Stderr);
        Assert.Contains("DLC001", result.Stdout);
        Assert.Equal(before, File.ReadAllText(dockerfile));
    }

    [Fact]
    public void A_folder_without_any_Dockerfile_is_a_usage_error_not_a_pass()
    {
        var folder = Directory.CreateTempSubdirectory("dockerlayer-empty-").FullName;
        File.WriteAllText(Path.Combine(folder, "README.md"), "no Dockerfile here");

        var result = Run(folder, "check", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no Dockerfile found in .", result.Stderr);
        Assert.DoesNotContain("All checks passed", result.Stdout);
    }

    [Fact]
    public void A_file_named_several_ways_is_checked_once()
    {
        var folder = CopyExample("npm");
        var result = Run(folder, "check", "--fix", "Dockerfile", "./Dockerfile", ".", Path.Combine(folder, "Dockerfile"));
        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Stdout.Split('\n'), line => line.StartsWith("fixed ", StringComparison.Ordinal));
        Assert.Contains("All checks passed (1 Dockerfile).", result.Stdout);
    }

    [Fact]
    public void An_unknown_option_is_named_as_such()
    {
        var result = Run(CopyExample("npm"), "check", "--bogus", ".");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option --bogus", result.Stderr);
    }

    [Fact]
    public void Fixed_lines_come_before_the_summary_that_describes_the_fixed_file()
    {
        var result = Run(CopyExample("npm"), "check", "--fix", ".");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("fixed Dockerfile: ", lines[0]);
        Assert.Equal("All checks passed (1 Dockerfile).", lines[^1]);
    }

    [Fact]
    public void Sarif_locations_outside_the_working_folder_are_absolute_file_uris()
    {
        var folder = CopyExample("npm");
        var elsewhere = Directory.CreateTempSubdirectory("dockerlayer-cwd-").FullName;

        var result = Run(elsewhere, "check", "--format", "sarif", folder);

        using var sarif = JsonDocument.Parse(result.Stdout);
        var location = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal(new Uri(Path.Combine(folder, "Dockerfile")).AbsoluteUri, location.GetProperty("uri").GetString());
        Assert.False(location.TryGetProperty("uriBaseId", out _));
    }

    [Fact]
    public void Code_frames_cut_long_lines_and_never_print_control_bytes()
    {
        var folder = CopyExample("npm");
        var dockerfile = Path.Combine(folder, "Dockerfile");
        var text = File.ReadAllText(dockerfile).Replace("COPY . .", "COPY --chown=" + new string('x', 5000) + "\u001b[31m . .");
        File.WriteAllText(dockerfile, text);

        var result = Run(folder, "check", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stdout);
        var frame = result.Stdout.Split('\n').Where(line => line.Contains(" | ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(frame);
        Assert.All(frame, line => Assert.True(line.Length < 200, $"a {line.Length}-character line in the code frame"));
    }
}
