using DockerLayerLsp.Lsp.Handlers;
using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using StreamJsonRpc;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// The JSON-RPC surface: one method per LSP method, each turning its parameters into a mediator
/// message and handing it to the <see cref="RequestQueue"/> (synchronously, so arrival order is
/// queue order). No logic lives here.
/// </summary>
public sealed class LspEndpoint(RequestQueue queue)
{
    // Lifecycle

    [JsonRpcMethod("initialize")]
    public Task<InitializeResult> InitializeAsync(InitializeParams @params, CancellationToken cancellationToken)
        => queue.Execute(new InitializeCommand(@params), cancellationToken);

    [JsonRpcMethod("initialized")]
    public Task InitializedAsync(InitializedParams? @params = null)
        => queue.Execute(new InitializedCommand(), CancellationToken.None);

    [JsonRpcMethod("shutdown")]
    public async Task<object?> ShutdownAsync(CancellationToken cancellationToken)
    {
        await queue.Execute(new ShutdownCommand(), cancellationToken).ConfigureAwait(false);
        return null;
    }

    [JsonRpcMethod("exit")]
    public Task ExitAsync() => queue.Execute(new ExitCommand(), CancellationToken.None);

    [JsonRpcMethod("$/setTrace")]
    public Task SetTraceAsync(SetTraceParams @params) => queue.Execute(new SetTraceCommand(@params), CancellationToken.None);

    // Text synchronisation

    [JsonRpcMethod("textDocument/didOpen")]
    public Task DidOpenAsync(DidOpenTextDocumentParams @params) => queue.Execute(new DidOpenCommand(@params), CancellationToken.None);

    [JsonRpcMethod("textDocument/didChange")]
    public Task DidChangeAsync(DidChangeTextDocumentParams @params) => queue.Execute(new DidChangeCommand(@params), CancellationToken.None);

    [JsonRpcMethod("textDocument/didClose")]
    public Task DidCloseAsync(DidCloseTextDocumentParams @params) => queue.Execute(new DidCloseCommand(@params), CancellationToken.None);

    [JsonRpcMethod("textDocument/didSave")]
    public Task DidSaveAsync(DidSaveTextDocumentParams @params) => queue.Execute(new DidSaveCommand(@params), CancellationToken.None);

    // Workspace

    [JsonRpcMethod("workspace/didChangeConfiguration")]
    public Task DidChangeConfigurationAsync(DidChangeConfigurationParams @params)
        => queue.Execute(new DidChangeConfigurationCommand(@params), CancellationToken.None);

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public Task DidChangeWatchedFilesAsync(DidChangeWatchedFilesParams @params)
        => queue.Execute(new DidChangeWatchedFilesCommand(@params), CancellationToken.None);

    // Language features (read-only: run in parallel on a snapshot)

    [JsonRpcMethod("textDocument/diagnostic")]
    public Task<DocumentDiagnosticReport> DiagnosticAsync(DocumentDiagnosticParams @params, CancellationToken cancellationToken)
        => queue.Execute("textDocument/diagnostic", snapshot => new DocumentDiagnosticQuery(@params, snapshot), cancellationToken);

    [JsonRpcMethod("textDocument/codeAction")]
    public Task<CodeAction[]> CodeActionAsync(CodeActionParams @params, CancellationToken cancellationToken)
        => queue.Execute("textDocument/codeAction", snapshot => new CodeActionQuery(@params, snapshot), cancellationToken);

    [JsonRpcMethod("codeAction/resolve")]
    public Task<CodeAction> CodeActionResolveAsync(CodeAction @params, CancellationToken cancellationToken)
        => queue.Execute("codeAction/resolve", snapshot => new CodeActionResolveQuery(@params, snapshot), cancellationToken);

    [JsonRpcMethod("textDocument/hover")]
    public Task<Hover?> HoverAsync(HoverParams @params, CancellationToken cancellationToken)
        => queue.Execute("textDocument/hover", snapshot => new HoverQuery(@params, snapshot), cancellationToken);

    [JsonRpcMethod("textDocument/documentSymbol")]
    public Task<DocumentSymbol[]> DocumentSymbolAsync(DocumentSymbolParams @params, CancellationToken cancellationToken)
        => queue.Execute("textDocument/documentSymbol", snapshot => new DocumentSymbolQuery(@params, snapshot), cancellationToken);

    [JsonRpcMethod("textDocument/foldingRange")]
    public Task<FoldingRange[]> FoldingRangeAsync(FoldingRangeParams @params, CancellationToken cancellationToken)
        => queue.Execute("textDocument/foldingRange", snapshot => new FoldingRangeQuery(@params, snapshot), cancellationToken);

    [JsonRpcMethod(DocumentTextQuery.MethodName)]
    public Task<DocumentTextResult> DocumentTextAsync(DocumentTextParams @params, CancellationToken cancellationToken)
        => queue.Execute(DocumentTextQuery.MethodName, snapshot => new DocumentTextQuery(@params, snapshot), cancellationToken);
}
