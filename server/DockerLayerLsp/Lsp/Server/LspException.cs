namespace DockerLayerLsp.Lsp.Server;

/// <summary>A failure that should reach the client as a JSON-RPC error with a specific code
/// (<see cref="Protocol.ErrorCodes"/>, <see cref="Protocol.LSPErrorCodes"/>).</summary>
public sealed class LspException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
