using System.Text.Json;
using System.Text.Json.Serialization;
using DockerLayerLsp.Lsp.Protocol.DockerLayer;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DockerLayerLsp.Lsp.Protocol;

/// <summary>
/// Source-generated JSON metadata for every type that crosses the wire. Reflection-based
/// serialisation is disabled in this assembly, so a type missing here fails loudly in tests
/// rather than silently under NativeAOT.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
// StreamJsonRpc's own payloads (error data, request ids) must be known too, or under NativeAOT a
// handler exception closes the connection and $/cancelRequest is dropped.
[JsonSerializable(typeof(CommonErrorData))]
[JsonSerializable(typeof(RequestId))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement[]))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
// Lifecycle
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(InitializedParams))]
[JsonSerializable(typeof(SetTraceParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(LogTraceParams))]
// Documents
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
// Workspace
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesRegistrationOptions))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
// Features
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(DocumentDiagnosticReport))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CodeAction))]
[JsonSerializable(typeof(CodeAction[]))]
[JsonSerializable(typeof(HoverParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(DocumentSymbol[]))]
[JsonSerializable(typeof(FoldingRangeParams))]
[JsonSerializable(typeof(FoldingRange[]))]
// dockerlayer extensions
[JsonSerializable(typeof(DiagnosticData))]
[JsonSerializable(typeof(CodeActionData))]
[JsonSerializable(typeof(DockerLayerSettings))]
[JsonSerializable(typeof(DocumentTextParams))]
[JsonSerializable(typeof(DocumentTextResult))]
public sealed partial class LspJsonContext : JsonSerializerContext;
