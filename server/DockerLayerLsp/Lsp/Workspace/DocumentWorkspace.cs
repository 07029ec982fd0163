using System.Collections.Immutable;

namespace DockerLayerLsp.Lsp.Workspace;

/// <summary>
/// The one mutable cell of the server: the current <see cref="WorkspaceSnapshot"/>. Client changes
/// arrive through the request queue (already in order); the server's own updates (settings fetched,
/// build context reloaded) swap the snapshot under the same lock, so no update is ever lost.
/// </summary>
public sealed class DocumentWorkspace
{
    private readonly Lock _gate = new();
    private WorkspaceSnapshot _current;

    public DocumentWorkspace(AnalysisEnvironment environment)
        => _current = new WorkspaceSnapshot(ImmutableDictionary<string, DocumentSnapshot>.Empty, environment);

    public WorkspaceSnapshot Current => Volatile.Read(ref _current);

    public WorkspaceSnapshot Update(Func<WorkspaceSnapshot, WorkspaceSnapshot> change)
    {
        lock (_gate)
        {
            var next = change(_current);
            Volatile.Write(ref _current, next);
            return next;
        }
    }

    /// <summary>Re-analyse every open document under <paramref name="environment"/>.</summary>
    public WorkspaceSnapshot SetEnvironment(Func<AnalysisEnvironment, AnalysisEnvironment> change)
        => Update(snapshot =>
        {
            var environment = change(snapshot.Environment);
            if (ReferenceEquals(environment, snapshot.Environment)) return snapshot;
            var documents = snapshot.Documents.ToImmutableDictionary(pair => pair.Key, pair => pair.Value.WithEnvironment(environment));
            return new WorkspaceSnapshot(documents, environment);
        });
}
