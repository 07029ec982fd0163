using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockerLayerLsp.Server.Tests.Infrastructure;

namespace DockerLayerLsp.Server.Tests.Neovim;

/// <summary>
/// A second real client: headless Neovim's built-in LSP client opens examples/go-modules/Dockerfile
/// and reports what it received (dockerlayer_session.lua). Skipped, visibly, when nvim is not installed.
/// </summary>
public sealed class NeovimTests
{
    [SkippableTheory]
    [MemberData(nameof(ServerBuilds.Kinds), MemberType = typeof(ServerBuilds))]
    public async Task Neovim_receives_diagnostics_hover_and_code_actions(string kind)
    {
        var nvim = FindOnPath("nvim");
        Skip.If(nvim is null, "nvim is not installed (apt-get install -y neovim)");
        var server = ServerBuilds.Get(kind);

        var output = Path.Combine(Path.GetTempPath(), $"dockerlayer-nvim-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(nvim!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + Path.Combine(AppContext.BaseDirectory, "Neovim", "dockerlayer_session.lua") })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOCKERLAYER_CMD"] = JsonSerializer.Serialize(new[] { server.FileName }.Concat(server.Arguments).ToArray());
        start.Environment["DOCKERLAYER_DOCKERFILE"] = Path.Combine(RepositoryPaths.Example("go-modules"), "Dockerfile");
        start.Environment["DOCKERLAYER_OUTPUT"] = output;
        start.Environment["XDG_STATE_HOME"] = Path.GetTempPath();
        start.Environment["XDG_CACHE_HOME"] = Path.GetTempPath();

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"nvim did not finish: {await stderr}");
            }
        }
        Assert.True(File.Exists(output), $"nvim wrote no result. stderr: {await stderr}");
        var result = JsonNode.Parse(File.ReadAllText(output))!;
        File.Delete(output);

        Assert.Empty(result["errors"]!.AsArray());
        var diagnostic = Assert.Single(result["diagnostics"]!.AsArray())!;
        Assert.Equal("DLC001", (string?)diagnostic["code"]);
        Assert.Equal("dockerlayer", (string?)diagnostic["source"]);
        Assert.Equal(3, (int)diagnostic["lnum"]!);  // COPY . .
        Assert.Contains("go mod download", (string)diagnostic["message"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)result["hover"]));
        var actions = result["code_actions"]!.AsArray();
        Assert.Contains(actions, a => (bool)a!["preferred"]! && (bool)a["has_edit"]! && (string?)a["kind"] == "quickfix");
        Assert.Contains(actions, a => ((string)a!["title"]!).StartsWith("Suppress DLC001", StringComparison.Ordinal));
        Assert.Equal(2, (int)result["symbol_count"]!);
        Assert.Equal(0, (int)result["exit_code"]!);
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
