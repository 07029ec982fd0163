using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>
/// Commands known not to read the project's source files. A RUN made only of these and dependency
/// installs can move before the source COPY without changing what it does.
/// </summary>
public static class SourceFreeCommands
{
    private static readonly HashSet<string> Programs = new(StringComparer.Ordinal)
    {
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper", "pacman", "echo", "printf", "true", ":",
        "set", "export", "mkdir", "rm", "ln", "chown", "chmod", "useradd", "adduser", "groupadd", "addgroup",
        "update-ca-certificates", "corepack", "cd", "sleep", "which", "command",
    };

    /// <summary>Package-manager subcommands that touch only caches and settings.</summary>
    private static readonly string[][] Subcommands =
    [
        ["npm", "cache"], ["npm", "config"], ["npm", "set"], ["yarn", "cache"], ["yarn", "config"], ["pnpm", "config"],
        ["pnpm", "store"], ["go", "env"], ["go", "version"], ["pip", "cache"], ["npm", "prune"], ["go", "mod", "verify"],
    ];

    public static bool IsSourceFree(ShellCommand command)
    {
        if (command.Words.Count == 0) return true;
        var program = Path.GetFileName(command.Words[0]);
        if (Programs.Contains(program)) return true;
        if (program.StartsWith("pip", StringComparison.Ordinal) && command.Words.Count >= 3 && command.Words[1] == "install"
            && command.Words.Skip(2).All(w => w.StartsWith('-') || w is "pip" or "setuptools" or "wheel" || w.StartsWith("pip==", StringComparison.Ordinal)))
            return true;
        return Subcommands.Any(s => s[0] == program && command.Words.Count >= s.Length && s.Skip(1).SequenceEqual(command.Words.Skip(1).Take(s.Length - 1)));
    }
}
