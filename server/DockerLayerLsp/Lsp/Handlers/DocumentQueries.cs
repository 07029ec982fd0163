using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;

namespace DockerLayerLsp.Lsp.Handlers;

/// <summary>What every read-only request does first: find its document in the snapshot it was given.</summary>
internal static class DocumentQueries
{
    public static DocumentSnapshot Require(WorkspaceSnapshot snapshot, TextDocumentIdentifier document)
        => snapshot.GetDocument(document.Uri)
           ?? throw new LspException(ErrorCodes.InvalidParams, $"{document.Uri} is not an open Dockerfile.");
}
