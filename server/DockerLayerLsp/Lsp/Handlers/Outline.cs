using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;

namespace DockerLayerLsp.Lsp.Handlers;

public sealed record DocumentSymbolQuery(DocumentSymbolParams Params, WorkspaceSnapshot Snapshot) : IQuery<DocumentSymbol[]>, ILspMessage
{
    public string Method => "textDocument/documentSymbol";
}

public sealed class DocumentSymbolHandler(ServerState state) : IQueryHandler<DocumentSymbolQuery, DocumentSymbol[]>
{
    public ValueTask<DocumentSymbol[]> Handle(DocumentSymbolQuery query, CancellationToken cancellationToken)
    {
        var document = DocumentQueries.Require(query.Snapshot, query.Params.TextDocument);
        return ValueTask.FromResult(DocumentSymbols.Create(document.Tree, state.Encoding));
    }
}

public sealed record FoldingRangeQuery(FoldingRangeParams Params, WorkspaceSnapshot Snapshot) : IQuery<FoldingRange[]>, ILspMessage
{
    public string Method => "textDocument/foldingRange";
}

public sealed class FoldingRangeHandler : IQueryHandler<FoldingRangeQuery, FoldingRange[]>
{
    public ValueTask<FoldingRange[]> Handle(FoldingRangeQuery query, CancellationToken cancellationToken)
    {
        var document = DocumentQueries.Require(query.Snapshot, query.Params.TextDocument);
        return ValueTask.FromResult(FoldingRanges.Create(document.Tree));
    }
}
