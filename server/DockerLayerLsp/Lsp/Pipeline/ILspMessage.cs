using Mediator;

namespace DockerLayerLsp.Lsp.Pipeline;

/// <summary>Every message dispatched through the mediator names the LSP method it serves (for logs and errors).</summary>
public interface ILspMessage : IMessage
{
    string Method { get; }
}
