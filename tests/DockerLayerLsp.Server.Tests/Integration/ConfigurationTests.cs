using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Integration;

/// <summary>The <c>dockerlayer</c> settings section and watched build-context files.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dockerlayer-lsp-" + Guid.NewGuid().ToString("N"));

    public ConfigurationTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "cmd", "hello"));
        File.Copy(Path.Combine(RepositoryPaths.Example("go-modules"), "Dockerfile"), Path.Combine(_directory, "Dockerfile"));
        File.WriteAllText(Path.Combine(_directory, "go.mod"), "module example.com/hello\n\ngo 1.23\n");
        File.WriteAllText(Path.Combine(_directory, "cmd", "hello", "main.go"), "package main\n\nfunc main() {}\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DockerfileUri => new Uri(Path.Combine(_directory, "Dockerfile")).AbsoluteUri;
    private string DockerfileText => File.ReadAllText(Path.Combine(_directory, "Dockerfile"));

    private static bool Published(JsonObject notification, string uri, Func<JsonArray, bool> diagnostics)
        => (string?)notification["method"] == "textDocument/publishDiagnostics"
           && (string?)notification["params"]!["uri"] == uri
           && diagnostics(notification["params"]!["diagnostics"]!.AsArray());

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Rules_and_severities_come_from_workspace_configuration(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        client.Settings = JsonNode.Parse("""{ "severity": { "DLC001": "error" } }""")!.AsObject();
        await client.InitializeAsync(_directory);
        await client.OpenAsync(DockerfileUri, DockerfileText);
        await client.WaitForNotificationAsync(n => Published(n, DockerfileUri, d => d.Count == 1 && (int)d[0]!["severity"]! == 1));
        Assert.Contains(client.ServerRequests, r => (string?)r["method"] == "workspace/configuration");

        // didChangeConfiguration makes the server pull the section again.
        client.Settings = JsonNode.Parse("""{ "rules": { "DLC001": false } }""")!.AsObject();
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        await client.WaitForNotificationAsync(n => Published(n, DockerfileUri, d => d.Count == 0));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Settings_pushed_in_didChangeConfiguration_apply_for_clients_without_workspace_configuration()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        var capabilities = LspClient.DefaultCapabilities();
        capabilities["workspace"]!["configuration"] = false;
        await client.InitializeAsync(_directory, capabilities);
        await client.OpenAsync(DockerfileUri, DockerfileText);
        await client.WaitForNotificationAsync(n => Published(n, DockerfileUri, d => d.Count == 1 && (int)d[0]!["severity"]! == 2));
        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{ "settings": { "dockerlayer": { "severity": { "DLC001": "hint" } } } }"""));
        await client.WaitForNotificationAsync(n => Published(n, DockerfileUri, d => d.Count == 1 && (int)d[0]!["severity"]! == 4));
        Assert.DoesNotContain(client.ServerRequests, r => (string?)r["method"] == "workspace/configuration");
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Invalid_severity_values_are_reported_and_ignored()
    {
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        client.Settings = JsonNode.Parse("""{ "severity": { "DLC001": "catastrophic" } }""")!.AsObject();
        await client.InitializeAsync(_directory);
        await client.OpenAsync(DockerfileUri, DockerfileText);
        await client.WaitForNotificationAsync(n => (string?)n["method"] == "window/logMessage" && ((string)n["params"]!["message"]!).Contains("catastrophic"));
        await client.WaitForNotificationAsync(n => Published(n, DockerfileUri, d => d.Count == 1 && (int)d[0]!["severity"]! == 2));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Creating_a_lockfile_reloads_the_build_context_and_re_analyses(string kind)
    {
        await using var client = LspClient.Start(ServerBuilds.Get(kind));
        await client.InitializeAsync(_directory);
        var registration = client.ServerRequests;
        await client.OpenAsync(DockerfileUri, DockerfileText);

        static string FixText(JsonArray diagnostics) => (string)diagnostics[0]!["data"]!["fixes"]![0]!["edits"]![0]!["newText"]!;
        await client.WaitForNotificationAsync(n => Published(n, DockerfileUri, d => d.Count == 1 && !FixText(d).Contains("go.sum")));
        var watchers = registration.Single(r => (string?)r["method"] == "client/registerCapability")["params"]!["registrations"]![0]!;
        Assert.Equal("workspace/didChangeWatchedFiles", (string?)watchers["method"]);
        var globs = watchers["registerOptions"]!["watchers"]!.AsArray().Select(w => (string)w!["globPattern"]!).ToList();
        Assert.Contains(globs, g => g.Contains("go.sum") && g.Contains("package-lock.json"));
        Assert.Contains("**/.dockerignore", globs);

        File.WriteAllText(Path.Combine(_directory, "go.sum"), "");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(Path.Combine(_directory, "go.sum")).AbsoluteUri, ["type"] = 1 }),
        });
        await client.WaitForNotificationAsync(n => Published(n, DockerfileUri, d => d.Count == 1 && FixText(d).Contains("go.sum")));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Build_context_setting_points_the_analysis_at_another_directory()
    {
        var (elsewhere, uri) = MoveDockerfileTo("docker");
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        client.Settings = JsonNode.Parse("""{ "buildContext": "." }""")!.AsObject();
        File.WriteAllText(Path.Combine(_directory, "go.sum"), "");
        await client.InitializeAsync(_directory);
        await client.OpenAsync(uri, File.ReadAllText(Path.Combine(elsewhere, "Dockerfile")));
        // With the context at the workspace root, the fix knows go.sum exists there.
        await WaitForFixCopyingGoSumAsync(client);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task A_mistyped_setting_costs_only_that_value_with_a_warning_naming_it()
    {
        var (elsewhere, uri) = MoveDockerfileTo("docker");
        File.WriteAllText(Path.Combine(_directory, "go.sum"), "");
        await using var client = LspClient.Start(ServerBuilds.Get(ServerBuilds.Dll));
        client.Settings = JsonNode.Parse("""{ "buildContext": ".", "rules": { "DLC001": "nope", "DLC999": true } }""")!.AsObject();
        await client.InitializeAsync(_directory);
        await client.OpenAsync(uri, File.ReadAllText(Path.Combine(elsewhere, "Dockerfile")));

        await client.WaitForNotificationAsync(n => (string?)n["method"] == "window/logMessage" && ((string)n["params"]!["message"]!).Contains("dockerlayer.rules.DLC001: expected true or false"));
        await client.WaitForNotificationAsync(n => (string?)n["method"] == "window/logMessage" && ((string)n["params"]!["message"]!).Contains("unknown rule \"DLC999\""));
        // buildContext survived the bad rules value: the fix knows go.sum exists at the workspace root.
        await WaitForFixCopyingGoSumAsync(client);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    /// <summary>The Dockerfile in a sub-folder, as `docker build -f docker/Dockerfile .` builds it.</summary>
    private (string Folder, string Uri) MoveDockerfileTo(string folder)
    {
        var elsewhere = Path.Combine(_directory, folder);
        Directory.CreateDirectory(elsewhere);
        File.Move(Path.Combine(_directory, "Dockerfile"), Path.Combine(elsewhere, "Dockerfile"));
        return (elsewhere, new Uri(Path.Combine(elsewhere, "Dockerfile")).AbsoluteUri);
    }

    /// <summary>With the context at the workspace root, the fix knows go.sum exists there.</summary>
    private static Task WaitForFixCopyingGoSumAsync(LspClient client)
        => client.WaitForNotificationAsync(n => (string?)n["method"] == "textDocument/publishDiagnostics"
            && n["params"]!["diagnostics"]!.AsArray() is { Count: 1 } d
            && ((string)d[0]!["data"]!["fixes"]![0]!["edits"]![0]!["newText"]!).Contains("go.sum"));
}
