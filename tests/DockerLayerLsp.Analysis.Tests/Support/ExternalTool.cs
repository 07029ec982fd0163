using System.Diagnostics;

namespace DockerLayerLsp.Analysis.Tests.Support;

/// <summary>Real package managers (cargo, dotnet, mvn, pip) run on a fix's output, to prove the step it adds works.</summary>
internal static class ExternalTool
{
    public static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program)));

    public static (int Exit, string Output) Run(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
