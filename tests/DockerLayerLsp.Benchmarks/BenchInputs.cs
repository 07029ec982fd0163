namespace DockerLayerLsp.Benchmarks;

/// <summary>
/// The shared benchmark inputs (../shared/bench/inputs beside the repository, or $DOCKERLAYER_BENCH_INPUTS) and the
/// edit site lspbench uses: the end of the single-line RUN nearest the middle of the file.
/// </summary>
public static class BenchInputs
{
    public static readonly string[] Names = ["small", "medium", "large", "huge"];

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name + ".Dockerfile"));

    public static string Folder { get; } = FindFolder();

    /// <summary>Offset of the end of the single-line RUN nearest the middle line (where lspbench types).</summary>
    public static int EditOffset(string text)
    {
        var lines = text.Split('\n');
        var middle = lines.Length / 2;
        var best = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var previous = i > 0 ? lines[i - 1].TrimEnd('\r') : "";
            if (!line.StartsWith("RUN ", StringComparison.Ordinal) || line.EndsWith('\\') || line.Contains("<<") || previous.EndsWith('\\')) continue;
            if (best < 0 || Math.Abs(i - middle) < Math.Abs(best - middle)) best = i;
        }
        if (best < 0) return text.Length;
        var offset = 0;
        for (var i = 0; i < best; i++) offset += lines[i].Length + 1;
        return offset + lines[best].TrimEnd('\r').Length;
    }

    private static string FindFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOCKERLAYER_BENCH_INPUTS");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "..", "shared", "bench", "inputs");
            if (File.Exists(Path.Combine(directory.FullName, "DockerLayerLsp.sln")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "bench", "inputs");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("benchmark inputs not found: set DOCKERLAYER_BENCH_INPUTS to the folder with small.Dockerfile ... huge.Dockerfile");
    }
}
