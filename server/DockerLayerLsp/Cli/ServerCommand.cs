using System.CommandLine;

namespace DockerLayerLsp.Cli;

/// <summary><c>dockerlayer server</c>: the language server over stdio.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var command = new Command("server", "Run the language server (LSP over stdio).");
        command.Options.Add(new Option<bool>("--stdio") { Description = "Use stdio (the default and only transport; accepted for editor compatibility)." });
        command.SetAction((_, cancellationToken) => Lsp.LanguageServerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error, cancellationToken));
        return command;
    }
}
