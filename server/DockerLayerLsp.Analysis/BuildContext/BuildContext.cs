using System.IO.Hashing;
using System.Text;

namespace DockerLayerLsp.Analysis.BuildContext;

/// <summary>
/// The files a <c>docker build</c> would send for one context directory, after .dockerignore.
/// Every path in and out of this type is '/'-separated and relative to <see cref="Root"/>;
/// inputs are cleaned like BuildKit cleans COPY sources, so "./go.mod", "/go.mod" and "go.mod"
/// are the same file and no input can name anything outside the context.
/// Immutable once built; safe to share between threads.
/// </summary>
/// <remarks>
/// The Dockerfile and the .dockerignore are matched like any other file: Docker reads them even
/// when they are ignored, but COPY cannot see them then, and that is what this type reports.
/// Inside <c>DockerLayerLsp.Analysis.*</c> namespaces the simple name <c>BuildContext</c> binds
/// to this namespace first; write <c>BuildContext.BuildContext</c> or add a using alias after
/// the file-scoped namespace declaration.
/// </remarks>
public sealed class BuildContext
{
    /// <summary>Entries (files and directories) listed before <see cref="Load(string, string?)"/> gives up.</summary>
    public const int DefaultMaxEntries = 250_000;

    /// <summary>Largest file <see cref="ReadAllText"/> returns.</summary>
    public const int MaxReadBytes = 1024 * 1024;

    private const string DockerignoreFileName = ".dockerignore";
    private const string DefaultDockerfileName = "Dockerfile";

    private readonly string[] _files;
    private readonly IReadOnlyList<string> _filesView;
    private readonly HashSet<string> _fileSet;
    private readonly HashSet<string> _symlinks;
    private readonly string[] _unenumerated;

    /// <summary>The real path of <see cref="Root"/> on disk; null for in-memory contexts, which are never read.</summary>
    private readonly string? _realRoot;

    private BuildContext(string root, DockerIgnore ignore, string? dockerignorePath, ContextSnapshot snapshot, IEnumerable<string> extraNotes, string? realRoot)
    {
        Root = root;
        Ignore = ignore;
        DockerignorePath = dockerignorePath;
        _files = snapshot.Files;
        _filesView = Array.AsReadOnly(_files);
        _fileSet = new HashSet<string>(_files, StringComparer.Ordinal);
        _symlinks = snapshot.Symlinks;
        _unenumerated = snapshot.UnenumeratedDirectories;
        IsTruncated = snapshot.Truncated;
        Notes = [.. extraNotes, .. snapshot.Notes];
        _realRoot = realRoot;
    }

    /// <summary>The context directory (absolute for <see cref="Load(string, string?)"/>; as given for <see cref="FromFiles"/>).</summary>
    public string Root { get; }

    /// <summary>The .dockerignore in force (<see cref="DockerIgnore.Empty"/> when there is none).</summary>
    public DockerIgnore Ignore { get; }

    /// <summary>The file <see cref="Ignore"/> was read from; null when none applied or the context is in-memory.</summary>
    public string? DockerignorePath { get; }

    /// <summary>Included files (and symlinks, which Docker sends as links), sorted ordinal.</summary>
    public IReadOnlyList<string> Files => _filesView;

    /// <summary>Directories sent with the context whose content was deliberately not listed (".git").</summary>
    public IReadOnlyList<string> UnenumeratedDirectories => _unenumerated;

    /// <summary>True when the walk stopped at its entry limit: <see cref="Files"/> is incomplete.</summary>
    public bool IsTruncated { get; }

    /// <summary>Human-readable problems: unreadable directories, truncation, invalid .dockerignore lines.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// Reads the context from disk. <paramref name="dockerfilePath"/> (absolute, or relative to
    /// the context) selects the Dockerfile-specific ignore file; without it "Dockerfile" is assumed,
    /// as <c>docker build</c> does. Never throws for I/O problems: they become <see cref="Notes"/>.
    /// </summary>
    public static BuildContext Load(string contextDirectory, string? dockerfilePath = null) =>
        Load(contextDirectory, dockerfilePath, DefaultMaxEntries);

    /// <inheritdoc cref="Load(string, string?)"/>
    public static BuildContext Load(string contextDirectory, string? dockerfilePath, int maxEntries)
    {
        var root = Path.GetFullPath(contextDirectory);
        var notes = new List<string>();
        var (ignore, ignorePath) = ReadDockerignore(root, dockerfilePath, notes);
        if (!Directory.Exists(root))
        {
            notes.Add($"context directory '{root}' does not exist or is not a directory");
            return new BuildContext(root, ignore, ignorePath, ContextWalker.Walk(new MemoryContextTree([]), ignore, maxEntries), notes, null);
        }

        var snapshot = ContextWalker.Walk(new DiskContextTree(root), ignore, maxEntries);
        return new BuildContext(root, ignore, ignorePath, snapshot, notes, RealPath.Resolve(root));
    }

    /// <summary>The context for a Dockerfile: <paramref name="contextDirectory"/>, or by default the Dockerfile's folder.</summary>
    public static BuildContext ForDockerfile(string dockerfilePath, string? contextDirectory = null)
    {
        var dockerfile = Path.GetFullPath(dockerfilePath);
        return Load(contextDirectory ?? Path.GetDirectoryName(dockerfile) ?? dockerfile, dockerfile);
    }

    /// <summary>
    /// Where Docker looks for the ignore file, in precedence order: "&lt;Dockerfile name&gt;.dockerignore"
    /// beside the Dockerfile, then ".dockerignore" at the context root. The first that exists wins;
    /// an editor should watch both.
    /// </summary>
    public static IReadOnlyList<string> DockerignoreLocations(string contextDirectory, string? dockerfilePath = null)
    {
        var root = Path.GetFullPath(contextDirectory);
        var dockerfile = Path.GetFullPath(dockerfilePath ?? DefaultDockerfileName, root);
        var besideDockerfile = Path.Combine(Path.GetDirectoryName(dockerfile) ?? root, Path.GetFileName(dockerfile) + DockerignoreFileName);
        return [besideDockerfile, Path.Combine(root, DockerignoreFileName)];
    }

    /// <summary>
    /// A context made of the given files (relative, '/'-separated; entries outside the root are
    /// dropped with a note). Nothing is read from disk: <see cref="ReadAllText"/> returns null.
    /// </summary>
    public static BuildContext FromFiles(string root, IEnumerable<string> relativePaths, string? dockerignoreText = null)
    {
        var notes = new List<string>();
        var files = new List<string>();
        foreach (var path in relativePaths)
        {
            var relative = ContextPath.ToContainedRelative(path);
            if (relative is null)
            {
                notes.Add($"'{path}' is not inside the context; ignored");
                continue;
            }

            files.Add(relative);
        }

        var ignore = dockerignoreText is null ? DockerIgnore.Empty : DockerIgnore.Parse(dockerignoreText);
        notes.AddRange(ignore.Notes.Select(n => $"{DockerignoreFileName} {n}"));
        var snapshot = ContextWalker.Walk(new MemoryContextTree(files), ignore, int.MaxValue);
        return new BuildContext(root, ignore, null, snapshot, notes, null);
    }

    /// <summary>The file is in the context: present and not excluded by .dockerignore.</summary>
    public bool Exists(string relativePath) => _fileSet.Contains(ContextPath.ToContextRelative(relativePath));

    /// <summary>Whether .dockerignore leaves this path out, whether or not it exists.</summary>
    public bool IsExcluded(string relativePath) => Ignore.IsExcluded(relativePath);

    /// <summary>The included path is a symbolic link (sent as a link; never followed here).</summary>
    public bool IsSymlink(string relativePath) => _symlinks.Contains(ContextPath.ToContextRelative(relativePath));

    /// <summary>
    /// The included files one COPY/ADD source brings in, as BuildKit resolves it: a file; a
    /// directory (everything below it); or a pattern with Go filepath.Match wildcards
    /// ('*', '?', '[...]', '\' escape) where each wildcard stays within one path element, and a
    /// matched directory brings its content. "." or "/" is the whole context.
    /// </summary>
    public IEnumerable<string> Match(string pattern) => Match(pattern, parents: false);

    /// <summary>
    /// As <see cref="Match(string)"/>; with <paramref name="parents"/> the source is resolved as
    /// <c>COPY --parents</c> does (a .dockerignore-style include pattern), where "**" spans any
    /// number of path elements. Without it "**" is just two '*' inside one element, as in BuildKit.
    /// </summary>
    public IEnumerable<string> Match(string pattern, bool parents)
    {
        var source = ContextPath.ToContextRelative(pattern);
        if (source.Length == 0)
        {
            return _filesView;
        }

        if (parents)
        {
            var include = DockerIgnorePattern.FromCleanPattern(source);
            return include.Error is null ? _files.Where(include.MatchesSelfOrAncestor) : [];
        }

        if (!ContextPath.ContainsWildcards(source))
        {
            return _fileSet.Contains(source) ? [source] : FilesBelow(source);
        }

        // BuildKit splits the source at its first wildcard element: a literal base directory and
        // a pattern matched against paths of exactly that many elements below it.
        var elements = ContextPath.Elements(source);
        var firstWildcard = Array.FindIndex(elements, ContextPath.ContainsWildcards);
        var baseDirectory = string.Join('/', elements[..firstWildcard]);
        var depth = elements.Length - firstWildcard;
        var relativePattern = string.Join('/', elements[firstWildcard..]);
        if (!GoFilepathMatch.IsValid(relativePattern))
        {
            return [];
        }

        var compiled = GoFilepathMatch.ToScalars(relativePattern);
        var candidates = baseDirectory.Length == 0 ? _files : FilesBelow(baseDirectory);
        return candidates.Where(file =>
        {
            var below = baseDirectory.Length == 0 ? file : file[(baseDirectory.Length + 1)..];
            var head = Head(below, depth);
            return head is not null && GoFilepathMatch.Match(compiled, head, out _);
        });
    }

    /// <summary>Some included file lies below this directory ("" or "." is the root). A directory
    /// sent unlisted (".git") counts, and so do its ancestors.</summary>
    public bool DirectoryHasIncludedFiles(string relativeDir)
    {
        var directory = ContextPath.ToContextRelative(relativeDir);
        if (_unenumerated.Any(d => ContextPath.IsAtOrBelow(d, directory)))
        {
            return true;
        }

        return directory.Length == 0 ? _files.Length > 0 : FilesBelow(directory).Any();
    }

    /// <summary>
    /// The text of an included file, read from disk (UTF-8 unless a byte-order mark says
    /// otherwise). Null when the file is not in the context, is larger than
    /// <see cref="MaxReadBytes"/>, cannot be read, or (through symlinks) really lives outside
    /// <see cref="Root"/>; always null for <see cref="FromFiles"/> contexts.
    /// </summary>
    public string? ReadAllText(string relativePath)
    {
        var path = ContextPath.ToContextRelative(relativePath);
        if (_realRoot is null || !_fileSet.Contains(path))
        {
            return null;
        }

        var real = RealPath.Resolve(Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (real is null || !RealPath.IsInside(real, _realRoot))
        {
            return null;
        }

        try
        {
            var info = new FileInfo(real);
            if (!info.Exists || info.Length > MaxReadBytes)
            {
                return null;
            }

            // FIFOs and devices report length 0; opening them could block, so do not.
            if (info.Length == 0)
            {
                return "";
            }

            var buffer = new byte[MaxReadBytes + 1];
            int read;
            using (var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }

            if (read > MaxReadBytes)
            {
                return null;
            }

            using var reader = new StreamReader(new MemoryStream(buffer, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// A stable hash (lowercase hex XXH128: only ever compared in process, and a cryptographic hash would load
    /// OpenSSL, about 3 MiB of resident memory, for nothing) of which of <paramref name="names"/> are in the
    /// context; a name with wildcards contributes the files it matches. Equal fingerprints mean
    /// the same manifest set, so an editor can skip re-analysis when only other files changed.
    /// Order and duplicates in <paramref name="names"/> do not matter.
    /// </summary>
    public string ManifestFingerprint(IEnumerable<string> names)
    {
        var text = new StringBuilder();
        foreach (var name in names.Select(ContextPath.ToContextRelative).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append(name).Append('\0');
            if (ContextPath.ContainsWildcards(name))
            {
                foreach (var match in Match(name))
                {
                    text.Append(match).Append('\0');
                }
            }
            else
            {
                text.Append(_fileSet.Contains(name) ? '1' : '0');
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private IEnumerable<string> FilesBelow(string directory)
    {
        var prefix = directory + "/";
        var index = Array.BinarySearch(_files, prefix, StringComparer.Ordinal);
        for (var i = index < 0 ? ~index : index; i < _files.Length && _files[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _files[i];
        }
    }

    /// <summary>The first <paramref name="count"/> elements of a path, or null when it has fewer.</summary>
    private static string? Head(string path, int count)
    {
        var end = -1;
        for (var i = 0; i < count; i++)
        {
            if (end == path.Length)
            {
                return null;
            }

            var slash = path.IndexOf('/', end + 1);
            end = slash < 0 ? path.Length : slash;
        }

        return path[..end];
    }

    private static (DockerIgnore Ignore, string? Path) ReadDockerignore(string root, string? dockerfilePath, List<string> notes)
    {
        foreach (var candidate in DockerignoreLocations(root, dockerfilePath))
        {
            if (!File.Exists(candidate))
            {
                continue;
            }

            try
            {
                var ignore = DockerIgnore.Parse(File.ReadAllText(candidate));
                notes.AddRange(ignore.Notes.Select(n => $"{Path.GetFileName(candidate)} {n}"));
                return (ignore, candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notes.Add($"cannot read '{candidate}' ({e.Message}); no patterns applied");
                return (DockerIgnore.Empty, candidate);
            }
        }

        return (DockerIgnore.Empty, null);
    }
}
