using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using Mediator;

namespace DockerLayerLsp.Lsp.Handlers;

public sealed record DocumentDiagnosticQuery(DocumentDiagnosticParams Params, WorkspaceSnapshot Snapshot) : IQuery<DocumentDiagnosticReport>, ILspMessage
{
    public string Method => "textDocument/diagnostic";
}

/// <summary>Pulled diagnostics; "unchanged" when neither the text nor the analysis inputs changed since the client's last pull.</summary>
public sealed class DocumentDiagnosticHandler(ServerState state, ServerLog log) : IQueryHandler<DocumentDiagnosticQuery, DocumentDiagnosticReport>
{
    public ValueTask<DocumentDiagnosticReport> Handle(DocumentDiagnosticQuery query, CancellationToken cancellationToken)
    {
        var uri = query.Params.TextDocument.Uri;
        var document = query.Snapshot.GetDocument(uri);
        if (document is null)
        {
            log.Log($"Diagnostics pulled for {uri}, which is not an open Dockerfile: none");
            return ValueTask.FromResult(new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Full, Items = [] });
        }
        if (query.Params.PreviousResultId == document.ResultId)
        {
            return ValueTask.FromResult(new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Unchanged, ResultId = document.ResultId });
        }
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(new DocumentDiagnosticReport
        {
            Kind = DocumentDiagnosticReportKind.Full,
            ResultId = document.ResultId,
            Items = DiagnosticFactory.Create(document, state.Encoding),
        });
    }
}
