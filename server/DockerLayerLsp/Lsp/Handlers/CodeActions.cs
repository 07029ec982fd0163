using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;

namespace DockerLayerLsp.Lsp.Handlers;

public sealed record CodeActionQuery(CodeActionParams Params, WorkspaceSnapshot Snapshot) : IQuery<CodeAction[]>, ILspMessage
{
    public string Method => "textDocument/codeAction";
}

public sealed class CodeActionHandler(ServerState state) : IQueryHandler<CodeActionQuery, CodeAction[]>
{
    public ValueTask<CodeAction[]> Handle(CodeActionQuery query, CancellationToken cancellationToken)
    {
        var document = DocumentQueries.Require(query.Snapshot, query.Params.TextDocument);
        return ValueTask.FromResult(CodeActionFactory.Create(document, query.Params, state.Encoding, ClientResolvesEdits(state.ClientCapabilities)));
    }

    private static bool ClientResolvesEdits(ClientCapabilities capabilities)
        => capabilities.TextDocument?.CodeAction is { DataSupport: true, ResolveSupport.Properties: var properties }
           && properties.Contains("edit");
}

public sealed record CodeActionResolveQuery(CodeAction Params, WorkspaceSnapshot Snapshot) : IQuery<CodeAction>, ILspMessage
{
    public string Method => "codeAction/resolve";
}

public sealed class CodeActionResolveHandler(ServerState state) : IQueryHandler<CodeActionResolveQuery, CodeAction>
{
    public ValueTask<CodeAction> Handle(CodeActionResolveQuery query, CancellationToken cancellationToken)
        => ValueTask.FromResult(query.Params.Edit is not null ? query.Params : CodeActionFactory.Resolve(query.Params, query.Snapshot, state.Encoding));
}
