using System.Diagnostics;
using System.Text;

namespace DockerLayerLsp.Analysis.Tests.BuildContext;

using BuildContext = DockerLayerLsp.Analysis.BuildContext.BuildContext;

/// <summary>Loading real directories: ignore-file lookup, symlinks, limits, unreadable parts.</summary>
public sealed class BuildContextDiskTests
{
    [Fact]
    public void Load_lists_included_files_and_honours_dockerignore()
    {
        using var dir = new TempDirectory()
            .Files("Dockerfile", "go.mod", "main.go", "vendor/x/y.go", "docs/a.md", "docs/keep.md")
            .File(".dockerignore", "vendor\ndocs\n!docs/keep.md\nDockerfile\n");

        var context = BuildContext.Load(dir.Path);

        Assert.Equal([".dockerignore", "docs/keep.md", "go.mod", "main.go"], context.Files);
        Assert.Equal(dir.Full(".dockerignore"), context.DockerignorePath);
        Assert.Equal(Path.GetFullPath(dir.Path), context.Root);
        Assert.True(context.IsExcluded("Dockerfile"));
        Assert.False(context.Exists("Dockerfile"));
        Assert.Empty(context.Notes);
    }

    [Fact]
    public void Load_and_FromFiles_agree_on_the_same_tree()
    {
        string[] tree = ["a/b/c.txt", "a/b/d.md", "a/e.md", "f.md", "g/h/i/j.go", "g/k.go", "README.md"];
        const string ignore = "*.md\n!README.md\na/b\n!a/b/d.md\ng/**/*.go\n!g/h\n";
        using var dir = new TempDirectory().Files(tree).File(".dockerignore", ignore);

        var fromDisk = BuildContext.Load(dir.Path);
        var inMemory = BuildContext.FromFiles(dir.Path, [.. tree, ".dockerignore"], ignore);

        Assert.Equal(inMemory.Files, fromDisk.Files);
    }

    [Fact]
    public void Dockerfile_specific_ignore_file_takes_precedence()
    {
        using var dir = new TempDirectory()
            .Files("a.txt", "b.txt", "Dockerfile", "build/Dockerfile.dev", "build/Dockerfile")
            .File(".dockerignore", "a.txt\n")
            .File("build/Dockerfile.dev.dockerignore", "b.txt\n")
            .File("Dockerfile.dockerignore", "*.txt\n");

        var byDefault = BuildContext.Load(dir.Path);
        var dev = BuildContext.Load(dir.Path, "build/Dockerfile.dev");
        var devAbsolute = BuildContext.Load(dir.Path, dir.Full("build/Dockerfile.dev"));
        var plainInSubdir = BuildContext.Load(dir.Path, "build/Dockerfile");

        Assert.Equal(dir.Full("Dockerfile.dockerignore"), byDefault.DockerignorePath);
        Assert.False(byDefault.Exists("a.txt") || byDefault.Exists("b.txt"));
        Assert.Equal(dir.Full("build/Dockerfile.dev.dockerignore"), dev.DockerignorePath);
        Assert.True(dev.Exists("a.txt"));
        Assert.False(dev.Exists("b.txt"));
        Assert.Equal(dev.Files, devAbsolute.Files);
        Assert.Equal(dir.Full(".dockerignore"), plainInSubdir.DockerignorePath);
        Assert.False(plainInSubdir.Exists("a.txt"));
        Assert.Equal(
            [dir.Full("build/Dockerfile.dev.dockerignore"), dir.Full(".dockerignore")],
            BuildContext.DockerignoreLocations(dir.Path, "build/Dockerfile.dev"));
    }

    [Fact]
    public void ForDockerfile_defaults_the_context_to_the_Dockerfile_folder()
    {
        using var dir = new TempDirectory().Files("svc/Dockerfile", "svc/go.mod", "other/x.go");

        var context = BuildContext.ForDockerfile(dir.Full("svc/Dockerfile"));
        var overridden = BuildContext.ForDockerfile(dir.Full("svc/Dockerfile"), dir.Path);

        Assert.Equal(["Dockerfile", "go.mod"], context.Files);
        Assert.True(overridden.Exists("svc/go.mod"));
        Assert.True(overridden.Exists("other/x.go"));
    }

    [SkippableFact]
    public void Symlinks_are_listed_but_never_followed_or_read_outside_the_context()
    {
        using var outside = new TempDirectory().File("secret.txt", "secret").File("dir/inner.txt", "x");
        using var dir = new TempDirectory().File("real/file.txt", "inside");
        Skip.If(!TryCreateSymlink(dir, "to-outside-file", outside.Full("secret.txt")), "symbolic links cannot be created here");
        dir.Symlink("to-outside-dir", outside.Full("dir"))
            .Symlink("to-inside-dir", "real")
            .Symlink("to-inside-file", "real/file.txt")
            .Symlink("escape-relative", "../" + Path.GetFileName(outside.Path) + "/secret.txt")
            .Symlink("real/hop", "../to-outside-file")
            .Symlink("dangling", "does-not-exist");

        var context = BuildContext.Load(dir.Path);

        Assert.Equal(
            ["dangling", "escape-relative", "real/file.txt", "real/hop", "to-inside-dir", "to-inside-file", "to-outside-dir", "to-outside-file"],
            context.Files);
        Assert.True(context.IsSymlink("to-inside-dir"));
        Assert.False(context.IsSymlink("real/file.txt"));
        Assert.False(context.DirectoryHasIncludedFiles("to-outside-dir"));
        Assert.Equal("inside", context.ReadAllText("to-inside-file"));
        Assert.Equal("inside", context.ReadAllText("real/file.txt"));
        Assert.Null(context.ReadAllText("to-outside-file"));
        Assert.Null(context.ReadAllText("escape-relative"));
        Assert.Null(context.ReadAllText("real/hop"));
        Assert.Null(context.ReadAllText("dangling"));
        Assert.Null(context.ReadAllText("to-outside-dir/inner.txt"));
    }

    [SkippableFact]
    public void Symlink_loops_do_not_hang()
    {
        using var dir = new TempDirectory().File("a.txt", "a");
        Skip.If(!TryCreateSymlink(dir, "self", "."), "symbolic links cannot be created here");
        dir.Symlink("ping", "pong").Symlink("pong", "ping").Symlink("sub/up", "..");

        var clock = Stopwatch.StartNew();
        var context = BuildContext.Load(dir.Path);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(["a.txt", "ping", "pong", "self", "sub/up"], context.Files);
        Assert.Null(context.ReadAllText("ping"));
        Assert.Null(context.ReadAllText("self"));
    }

    [Fact]
    public void Git_content_and_excluded_directories_are_not_walked()
    {
        using var dir = new TempDirectory().Files("main.go", ".git/HEAD", ".git/refs/heads/main");
        for (var i = 0; i < 50; i++)
        {
            dir.File($"node_modules/pkg{i}/index.js");
        }

        dir.File(".dockerignore", "node_modules\n");

        // 50+ entries under node_modules would blow a limit of 10 if the walk entered it.
        var context = BuildContext.Load(dir.Path, null, maxEntries: 10);

        Assert.False(context.IsTruncated);
        Assert.Equal([".dockerignore", "main.go"], context.Files);
        Assert.Equal([".git"], context.UnenumeratedDirectories);
        Assert.Contains(context.Notes, n => n.Contains("'.git'"));
    }

    [Fact]
    public void An_exception_below_an_excluded_directory_makes_the_walk_enter_it()
    {
        using var dir = new TempDirectory().Files("node_modules/a/package.json", "node_modules/a/index.js", "node_modules/b/package.json");
        dir.File(".dockerignore", "node_modules\n!node_modules/a/package.json\n");

        var literal = BuildContext.Load(dir.Path);
        dir.File(".dockerignore", "node_modules\n!**/package.json\n");
        var wildcard = BuildContext.Load(dir.Path);

        Assert.Equal([".dockerignore", "node_modules/a/package.json"], literal.Files);
        Assert.Equal([".dockerignore", "node_modules/a/package.json", "node_modules/b/package.json"], wildcard.Files);
    }

    [Fact]
    public void Enormous_contexts_are_cut_off_and_reported()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 30; i++)
        {
            dir.File($"f{i:D2}.txt");
        }

        var context = BuildContext.Load(dir.Path, null, maxEntries: 10);

        Assert.True(context.IsTruncated);
        Assert.Equal(10, context.Files.Count);
        Assert.Contains(context.Notes, n => n.Contains("more than 10 entries"));
    }

    [SkippableFact]
    public void Unreadable_directories_are_skipped_with_a_note()
    {
        Skip.If(OperatingSystem.IsWindows(), "uses POSIX permissions");
        using var dir = new TempDirectory().Files("ok.txt", "locked/inside.txt", "ignored/inside.txt").File(".dockerignore", "ignored\n!ignored/inside.txt\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir.Full("locked"), UnixFileMode.None);
            File.SetUnixFileMode(dir.Full("ignored"), UnixFileMode.None);
        }

        Skip.If(CanList(dir.Full("locked")), "running with privileges that read any directory (e.g. root), so permissions cannot be denied");

        var context = BuildContext.Load(dir.Path);

        Assert.Equal([".dockerignore", "ok.txt"], context.Files);
        var note = Assert.Single(context.Notes);
        Assert.Contains("'locked'", note);
    }

    [Fact]
    public void A_missing_context_is_a_note_not_an_exception()
    {
        using var dir = new TempDirectory();

        var context = BuildContext.Load(dir.Full("nope"));

        Assert.Empty(context.Files);
        Assert.Contains(context.Notes, n => n.Contains("does not exist"));
        Assert.Null(context.ReadAllText("x"));
    }

    [Fact]
    public void ReadAllText_reads_only_included_files_within_the_size_bound()
    {
        using var dir = new TempDirectory()
            .File("package.json", "{\"name\":\"x\"}")
            .File("secret.env", "TOKEN=1")
            .File("empty.txt")
            .File(".dockerignore", "*.env\n");
        File.WriteAllBytes(dir.Full("bom.txt"), [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);
        File.WriteAllBytes(dir.Full("utf16.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("wide")]);
        File.WriteAllBytes(dir.Full("big.lock"), new byte[BuildContext.MaxReadBytes + 1]);

        var context = BuildContext.Load(dir.Path);

        Assert.Equal("{\"name\":\"x\"}", context.ReadAllText("./package.json"));
        Assert.Equal("hi", context.ReadAllText("bom.txt"));
        Assert.Equal("wide", context.ReadAllText("utf16.txt"));
        Assert.Equal("", context.ReadAllText("empty.txt"));
        Assert.Null(context.ReadAllText("secret.env"));
        Assert.Null(context.ReadAllText("big.lock"));
        Assert.Null(context.ReadAllText("missing.txt"));
        // ".." is clamped at the root like a COPY source, so this names "<dir>/package.json" inside it.
        Assert.Null(context.ReadAllText("../" + Path.GetFileName(dir.Path) + "/package.json"));
    }

    private static bool TryCreateSymlink(TempDirectory dir, string path, string target)
    {
        try
        {
            dir.Symlink(path, target);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static bool CanList(string directory)
    {
        try
        {
            _ = Directory.EnumerateFileSystemEntries(directory).ToList();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
