using System.CommandLine;

namespace DockerLayerLsp.Cli;

/// <summary>The <c>dockerlayer</c> command tree. Exit codes: 0 clean, 1 findings, 2 usage or I/O error.</summary>
public static class CommandLine
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("DockerLayer: finds Dockerfile instruction orders that defeat the build cache, and fixes them.")
        {
            CheckCommand.Create(),
            RulesCommand.CreateList(),
            RulesCommand.CreateShow(),
            ServerCommand.Create(),
            DebugCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var reason = string.Join(' ', parse.Errors[0].Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Console.Error.WriteLine($"dockerlayer: {reason} (see 'dockerlayer --help')");
            return ExitUsage;
        }
        try
        {
            return await parse.InvokeAsync();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"dockerlayer: {e.Message}");
            return ExitUsage;
        }
    }
}
