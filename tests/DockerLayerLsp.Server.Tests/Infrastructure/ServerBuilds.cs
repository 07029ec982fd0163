namespace DockerLayerLsp.Server.Tests.Infrastructure;

/// <summary>How to start one build of <c>dockerlayer server</c>.</summary>
public sealed record ServerCommand(string Kind, string FileName, IReadOnlyList<string> Arguments);

/// <summary>
/// The server builds the integration tests run against: the JIT-compiled dll (always built with the
/// tests) and the NativeAOT binary (when published: <c>dotnet publish server/DockerLayerLsp -c Release
/// -r linux-x64 -p:PublishAot=true</c>, or <c>DOCKERLAYER_AOT_BINARY</c>). Tests on a missing AOT
/// binary are reported as skipped, never silently passed.
/// </summary>
public static class ServerBuilds
{
    public const string Dll = "dll";
    public const string Aot = "aot";

    public static TheoryData<string> Kinds => new() { Dll, Aot };

    public static ServerCommand Get(string kind) => kind switch
    {
        Dll => new ServerCommand(Dll, "dotnet", [DllPath, "server"]),
        Aot => AotPath is { } path
            ? new ServerCommand(Aot, path, ["server"])
            : throw new SkipException($"NativeAOT binary not found (looked in {string.Join(", ", AotCandidates)}); publish it or set DOCKERLAYER_AOT_BINARY."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DllPath
    {
        get
        {
            var built = Path.Combine(RepositoryPaths.Root, "server", "DockerLayerLsp", "bin", RepositoryPaths.Configuration, "net10.0", "dockerlayer.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "dockerlayer.dll");
        }
    }

    public static string? AotPath => AotCandidates.FirstOrDefault(File.Exists);

    private static IEnumerable<string> AotCandidates
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOCKERLAYER_AOT_BINARY") is { Length: > 0 } configured) yield return configured;
            yield return Path.Combine(RepositoryPaths.Root, "artifacts", "aot", "dockerlayer");
            yield return Path.Combine(RepositoryPaths.Root, "server", "DockerLayerLsp", "bin", "Release", "net10.0", "linux-x64", "publish", "dockerlayer");
        }
    }
}
