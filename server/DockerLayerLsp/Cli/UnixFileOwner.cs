using System.Runtime.InteropServices;

namespace DockerLayerLsp.Cli;

/// <summary>
/// Who owns a file and how many names it has, through Linux's statx(2). .NET exposes a file's mode but not its
/// owner; `--fix` run as root (CI containers, sudo) must not hand a user's Dockerfile to root. statx is used,
/// not stat, because its struct has the same layout on every Linux architecture.
/// </summary>
internal static partial class UnixFileOwner
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxNlink = 0x4, StatxUid = 0x8, StatxGid = 0x10;

    public readonly record struct Owner(uint Uid, uint Gid, uint Links);

    /// <summary>The owner of <paramref name="path"/> (not following a final symlink), or null off Linux or on failure.</summary>
    public static unsafe Owner? Get(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxNlink | StatxUid | StatxGid, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink (16), u32 uid (20), u32 gid (24).
        return new Owner(*(uint*)(buffer + 20), *(uint*)(buffer + 24), *(uint*)(buffer + 16));
    }

    /// <summary>Gives <paramref name="path"/> to <paramref name="owner"/>; false when not permitted (not root).</summary>
    public static bool Set(string path, Owner owner)
    {
        try
        {
            return Chown(path, owner.Uid, owner.Gid) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, uint owner, uint group);
}
