using System.Diagnostics;

namespace DockerLayerLsp.Server.Tests.Cli;

/// <summary>Runs the real <c>dockerlayer</c> executable (the built dll through <c>dotnet</c>) and captures its output.</summary>
internal static class DockerlayerProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string DllPath => typeof(DockerLayerLsp.Cli.CommandLine).Assembly.Location;

    public static Result Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dockerlayer did not exit within 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DockerLayerLsp.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("DockerLayerLsp.sln not found");
    }

    /// <summary>A fresh copy of an example folder in a temp directory, so tests can --fix it.</summary>
    public static string CopyExample(string name)
    {
        var source = Path.Combine(RepoRoot(), "examples", name);
        var target = Path.Combine(Path.GetTempPath(), "dockerlayer-tests", Guid.NewGuid().ToString("N"), name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
