using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DockerLayerLsp.Benchmarks -- --filter '*'                  full run
// dotnet run -c Release --project tests/DockerLayerLsp.Benchmarks -- --filter '*' --job dry --inProcess   smoke (seconds)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
