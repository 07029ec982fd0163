namespace DockerLayerLsp.Analysis.BuildContext;

/// <summary>What a walk of the context found: the files Docker would send, and what it could not see.</summary>
internal sealed record ContextSnapshot(
    string[] Files,
    HashSet<string> Symlinks,
    string[] UnenumeratedDirectories,
    IReadOnlyList<string> Notes,
    bool Truncated);

/// <summary>
/// Walks a context the way BuildKit's fsutil does when it sends it: depth first, the
/// .dockerignore verdict of each directory handed down to its children, excluded directories left
/// unentered unless an exception could re-include something inside, symlinks never followed.
/// Additionally never enters a ".git" directory (its content churns and is rarely copied
/// deliberately) and stops after a fixed number of entries.
/// </summary>
internal static class ContextWalker
{
    private const string GitDirectoryName = ".git";

    public static ContextSnapshot Walk(IContextTree tree, DockerIgnore ignore, int maxEntries)
    {
        var files = new List<string>();
        var symlinks = new HashSet<string>(StringComparer.Ordinal);
        var unenumerated = new List<string>();
        var notes = new List<string>();
        var visited = 0;
        var truncated = false;

        var pending = new Stack<(string Directory, DockerIgnore.MatchInfo? Verdict)>();
        pending.Push(("", null));
        while (pending.Count > 0 && !truncated)
        {
            var (directory, directoryVerdict) = pending.Pop();
            var entries = tree.List(directory, out var problem);
            if (entries is null)
            {
                // fsutil ignores permission errors under excluded directories; elsewhere the build fails.
                if (directoryVerdict is not { Excluded: true })
                {
                    notes.Add($"cannot read directory '{Display(directory)}' ({problem}); skipped, docker build would fail on it");
                }

                continue;
            }

            foreach (var entry in entries)
            {
                if (++visited > maxEntries)
                {
                    truncated = true;
                    notes.Add($"context has more than {maxEntries} entries; stopped listing, so the file list is incomplete");
                    break;
                }

                var path = ContextPath.Join(directory, entry.Name);
                var verdict = ignore.IsEmpty ? null : ignore.Evaluate(path, directoryVerdict);
                var excluded = verdict is { Excluded: true };
                switch (entry.Kind)
                {
                    case ContextEntryKind.Directory when entry.Name == GitDirectoryName:
                        if (!excluded)
                        {
                            unenumerated.Add(path);
                            notes.Add($"'{path}' is sent with the build context (not in .dockerignore); its content was not listed");
                        }

                        break;
                    case ContextEntryKind.Directory:
                        if (!excluded || !ignore.SkipsExcludedDirectory(path))
                        {
                            pending.Push((path, verdict));
                        }

                        break;
                    default:
                        if (!excluded)
                        {
                            files.Add(path);
                            if (entry.Kind == ContextEntryKind.Symlink)
                            {
                                symlinks.Add(path);
                            }
                        }

                        break;
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        unenumerated.Sort(StringComparer.Ordinal);
        return new ContextSnapshot([.. files], symlinks, [.. unenumerated], notes, truncated);
    }

    private static string Display(string directory) => directory.Length == 0 ? "." : directory;
}
