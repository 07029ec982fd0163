using System.Reflection;

namespace DockerLayerLsp.Server.Tests.Infrastructure;

/// <summary>Where things are: the repository root (found from the test binaries), examples, and the server builds.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DockerLayerLsp.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No DockerLayerLsp.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The build configuration the tests were built in (the server dll is built in the same one).</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
