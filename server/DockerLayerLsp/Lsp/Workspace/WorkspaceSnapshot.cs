using System.Collections.Immutable;

namespace DockerLayerLsp.Lsp.Workspace;

/// <summary>All open Dockerfiles at one moment, and the analysis environment they were analysed in.</summary>
public sealed record WorkspaceSnapshot(ImmutableDictionary<string, DocumentSnapshot> Documents, AnalysisEnvironment Environment)
{
    public DocumentSnapshot? GetDocument(string uri) => Documents.GetValueOrDefault(uri);
}
