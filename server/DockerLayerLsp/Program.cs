using DockerLayerLsp.Cli;

if (args is ["server", ..]) return await DockerLayerLsp.Lsp.LanguageServerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error, CancellationToken.None);
return CommandLine.Run(args);
