using System.Security;

namespace DockerLayerLsp.Analysis.BuildContext;

internal enum ContextEntryKind
{
    File,
    Directory,

    /// <summary>Never followed: Docker sends the link itself, not what it points to.</summary>
    Symlink,
}

internal readonly record struct ContextEntry(string Name, ContextEntryKind Kind);

/// <summary>One directory level at a time, so the walker decides what to enter (and never enters a symlink).</summary>
internal interface IContextTree
{
    /// <summary>The entries of a context-relative directory ("" is the root), sorted by name
    /// (ordinal); null when it cannot be listed, with the reason in <paramref name="problem"/>.</summary>
    IReadOnlyList<ContextEntry>? List(string relativeDirectory, out string? problem);
}

internal sealed class DiskContextTree(string root) : IContextTree
{
    private static readonly EnumerationOptions ListOneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    public IReadOnlyList<ContextEntry>? List(string relativeDirectory, out string? problem)
    {
        problem = null;
        var directory = relativeDirectory.Length == 0
            ? root
            : Path.Combine(root, relativeDirectory.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            var entries = new List<ContextEntry>();
            foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", ListOneLevel))
            {
                var kind = (info.Attributes & FileAttributes.ReparsePoint) != 0 ? ContextEntryKind.Symlink
                    : info is DirectoryInfo ? ContextEntryKind.Directory
                    : ContextEntryKind.File;
                entries.Add(new ContextEntry(info.Name, kind));
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            problem = e.Message;
            return null;
        }
    }
}

/// <summary>A context described by a list of file paths (tests, unsaved editor state).</summary>
internal sealed class MemoryContextTree : IContextTree
{
    private readonly Dictionary<string, SortedDictionary<string, ContextEntryKind>> _children = new(StringComparer.Ordinal);

    public MemoryContextTree(IEnumerable<string> relativeFiles)
    {
        _children[""] = new SortedDictionary<string, ContextEntryKind>(StringComparer.Ordinal);
        foreach (var file in relativeFiles)
        {
            var parent = "";
            var elements = ContextPath.Elements(file);
            for (var i = 0; i < elements.Length; i++)
            {
                var isLast = i == elements.Length - 1;
                var siblings = _children[parent];
                if (isLast)
                {
                    // A name that is also some other path's directory stays a directory.
                    siblings.TryAdd(elements[i], ContextEntryKind.File);
                    break;
                }

                siblings[elements[i]] = ContextEntryKind.Directory;
                parent = ContextPath.Join(parent, elements[i]);
                if (!_children.ContainsKey(parent))
                {
                    _children[parent] = new SortedDictionary<string, ContextEntryKind>(StringComparer.Ordinal);
                }
            }
        }
    }

    public IReadOnlyList<ContextEntry>? List(string relativeDirectory, out string? problem)
    {
        problem = null;
        return _children.TryGetValue(relativeDirectory, out var children)
            ? children.Select(c => new ContextEntry(c.Key, c.Value)).ToList()
            : [];
    }
}
