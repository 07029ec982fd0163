using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;

namespace DockerLayerLsp.Lsp.Handlers;

/// <summary><c>dockerlayer/debug/documentText</c>: the server's copy of a document, so tests can prove it matches the client's.</summary>
public sealed record DocumentTextQuery(DocumentTextParams Params, WorkspaceSnapshot Snapshot) : IQuery<DocumentTextResult>, ILspMessage
{
    public const string MethodName = "dockerlayer/debug/documentText";
    public string Method => MethodName;
}

public sealed class DocumentTextHandler : IQueryHandler<DocumentTextQuery, DocumentTextResult>
{
    public ValueTask<DocumentTextResult> Handle(DocumentTextQuery query, CancellationToken cancellationToken)
    {
        var document = DocumentQueries.Require(query.Snapshot, query.Params.TextDocument);
        return ValueTask.FromResult(new DocumentTextResult { Uri = document.Uri, Version = document.Version, Text = document.Text.ToString() });
    }
}
