namespace DockerLayerLsp.Lsp.Workspace;

/// <summary>Which documents this server analyses: language id <c>dockerfile</c>, or a Dockerfile-like name.</summary>
public static class DockerfileNames
{
    public const string LanguageId = "dockerfile";

    public static bool IsDockerfile(string uri, string? languageId)
    {
        if (string.Equals(languageId, LanguageId, StringComparison.OrdinalIgnoreCase)) return true;
        return IsDockerfileName(FileName(uri));
    }

    public static bool IsDockerfileName(string name)
        => name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Containerfile", StringComparison.OrdinalIgnoreCase)
           || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
           || name.StartsWith("Containerfile.", StringComparison.OrdinalIgnoreCase)
           || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
           || name.EndsWith(".Containerfile", StringComparison.OrdinalIgnoreCase);

    private static string FileName(string uri)
    {
        var path = uri;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0) path = path[..cut];
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <summary>The local file path of a <c>file:</c> URI; null for other schemes (untitled:, vscode-notebook-cell:...).</summary>
    public static string? ToLocalPath(string uri)
        => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;
}
