using DockerLayerLsp.Cli;

return await CommandLine.RunAsync(args);
