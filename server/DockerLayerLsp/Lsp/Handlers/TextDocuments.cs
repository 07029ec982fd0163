using DockerLayerLsp.Lsp.Features;
using DockerLayerLsp.Lsp.Pipeline;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Server;
using DockerLayerLsp.Lsp.Workspace;
using DockerLayerLsp.Syntax;
using Mediator;

namespace DockerLayerLsp.Lsp.Handlers;

// Text synchronisation. These are commands: the queue runs them one at a time, in arrival order,
// so the server's copy of each document follows the client's exactly.

public sealed record DidOpenCommand(DidOpenTextDocumentParams Params) : ICommand, ILspMessage
{
    public string Method => "textDocument/didOpen";
}

public sealed class DidOpenHandler(DocumentWorkspace workspace, DiagnosticsPublisher publisher, ServerLog log) : ICommandHandler<DidOpenCommand>
{
    public ValueTask<Unit> Handle(DidOpenCommand command, CancellationToken cancellationToken)
    {
        var item = command.Params.TextDocument;
        if (!DockerfileNames.IsDockerfile(item.Uri, item.LanguageId))
        {
            log.Log($"Not a Dockerfile, not tracked: {item.Uri} ({item.LanguageId})");
            return Unit.ValueTask;
        }
        workspace.Update(snapshot => snapshot with
        {
            Documents = snapshot.Documents.SetItem(item.Uri, DocumentSnapshot.Open(item.Uri, item.LanguageId, item.Version, item.Text, snapshot.Environment)),
        });
        publisher.Schedule(item.Uri);
        return Unit.ValueTask;
    }
}

public sealed record DidChangeCommand(DidChangeTextDocumentParams Params) : ICommand, ILspMessage
{
    public string Method => "textDocument/didChange";
}

public sealed class DidChangeHandler(DocumentWorkspace workspace, DiagnosticsPublisher publisher, ServerState state, ServerLog log) : ICommandHandler<DidChangeCommand>
{
    public ValueTask<Unit> Handle(DidChangeCommand command, CancellationToken cancellationToken)
    {
        var identifier = command.Params.TextDocument;
        var document = workspace.Current.GetDocument(identifier.Uri);
        if (document is null)
        {
            log.Warning($"didChange for a document that is not open: {identifier.Uri}; ignored");
            return Unit.ValueTask;
        }
        if (identifier.Version <= document.Version)
        {
            log.Warning($"didChange for {identifier.Uri}: version {identifier.Version} is not newer than {document.Version}; ignored");
            return Unit.ValueTask;
        }

        // Incremental changes apply in order, each to the text the previous one produced.
        var text = document.Text;
        foreach (var change in command.Params.ContentChanges)
        {
            if (change.Range is null)
            {
                text = SourceText.From(change.Text);
                continue;
            }
            if (!PositionEncoding.IsInside(text, change.Range.End))
            {
                log.Warning($"didChange for {identifier.Uri} v{identifier.Version}: range end {change.Range.End.Line}:{change.Range.End.Character} is past the end of the text; clamped");
            }
            var span = state.Encoding.ToSpan(text, change.Range);
            text = text.WithChanges(new TextChange(span, change.Text));
        }

        // Re-read inside the update: the environment may have been swapped meanwhile (settings fetched).
        workspace.Update(snapshot => snapshot with
        {
            Documents = snapshot.Documents.SetItem(identifier.Uri, snapshot.Documents[identifier.Uri].WithText(identifier.Version, text)),
        });
        publisher.Schedule(identifier.Uri);
        return Unit.ValueTask;
    }
}

public sealed record DidCloseCommand(DidCloseTextDocumentParams Params) : ICommand, ILspMessage
{
    public string Method => "textDocument/didClose";
}

public sealed class DidCloseHandler(DocumentWorkspace workspace, DiagnosticsPublisher publisher, ServerLog log) : ICommandHandler<DidCloseCommand>
{
    public ValueTask<Unit> Handle(DidCloseCommand command, CancellationToken cancellationToken)
    {
        var uri = command.Params.TextDocument.Uri;
        if (workspace.Current.GetDocument(uri) is null)
        {
            log.Log($"didClose for a document that is not open: {uri}; ignored");
            return Unit.ValueTask;
        }
        workspace.Update(snapshot => snapshot with { Documents = snapshot.Documents.Remove(uri) });
        publisher.Schedule(uri);
        return Unit.ValueTask;
    }
}

public sealed record DidSaveCommand(DidSaveTextDocumentParams Params) : ICommand, ILspMessage
{
    public string Method => "textDocument/didSave";
}

/// <summary>Nothing to do on save: we analyse the editor's text, not the file on disk.</summary>
public sealed class DidSaveHandler(ServerLog log) : ICommandHandler<DidSaveCommand>
{
    public ValueTask<Unit> Handle(DidSaveCommand command, CancellationToken cancellationToken)
    {
        log.Trace($"Saved {command.Params.TextDocument.Uri}");
        return Unit.ValueTask;
    }
}
