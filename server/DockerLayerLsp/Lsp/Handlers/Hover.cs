using DockerLayerLsp.Analysis.Hover;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;
using LspHover = DockerLayerLsp.Lsp.Protocol.Hover;

namespace DockerLayerLsp.Lsp.Handlers;

public sealed record HoverQuery(HoverParams Params, WorkspaceSnapshot Snapshot) : IQuery<LspHover?>, ILspMessage
{
    public string Method => "textDocument/hover";
}

public sealed class HoverHandler(ServerState state, ServerLog log) : IQueryHandler<HoverQuery, LspHover?>
{
    public ValueTask<LspHover?> Handle(HoverQuery query, CancellationToken cancellationToken)
    {
        var document = DocumentQueries.Require(query.Snapshot, query.Params.TextDocument);
        var position = query.Params.Position;
        if (!PositionEncoding.IsInside(document.Text, position))
        {
            log.Log($"hover at {position.Line}:{position.Character} is past the end of {document.Uri} ({document.Text.LineCount} lines): no hover");
            return ValueTask.FromResult<LspHover?>(null);
        }
        var encoding = state.Encoding;
        var content = HoverProvider.GetHover(document.Incremental, encoding.ToOffset(document.Text, position));
        if (content is null) return ValueTask.FromResult<LspHover?>(null);
        var formats = state.ClientCapabilities.TextDocument?.Hover?.ContentFormat;
        var kind = formats is null || formats.Contains(MarkupKind.Markdown) ? MarkupKind.Markdown : MarkupKind.PlainText;
        return ValueTask.FromResult<LspHover?>(new LspHover
        {
            Contents = new MarkupContent { Kind = kind, Value = content.Markdown },
            Range = encoding.ToRange(document.Text, content.Span),
        });
    }
}
