using DockerLayerLsp.Cli;

return CommandLine.Run(args);
