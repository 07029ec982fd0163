namespace DockerLayerLsp.Analysis.BuildContext;

/// <summary>The file names `check` treats as Dockerfiles: Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile.</summary>
public static class DockerfileName
{
    public static bool Matches(string fileName)
        => fileName is "Dockerfile" or "Containerfile" or "dockerfile"
           || fileName.StartsWith("Dockerfile.", StringComparison.Ordinal)
           || fileName.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".dockerignore", StringComparison.Ordinal);
}
