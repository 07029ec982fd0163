using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>
/// Commands known not to read the project's source files. A RUN made only of these and dependency
/// installs can stay before the source COPY without changing what it does.
/// </summary>
public static class SourceFreeCommands
{
    private static readonly HashSet<string> Programs = new(StringComparer.Ordinal)
    {
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper", "pacman", "echo", "printf", "true", ":",
        "set", "export", "mkdir", "rm", "ln", "chown", "chmod", "useradd", "adduser", "groupadd", "addgroup", "usermod",
        "update-ca-certificates", "corepack", "cd", "sleep", "which", "command", "rustup", "locale-gen", "ldconfig", "curl", "wget",
    };

    /// <summary>Subcommands (program, words...) that touch only caches, settings and global tools.</summary>
    private static readonly string[][] Subcommands =
    [
        ["npm", "cache"], ["npm", "config"], ["npm", "set"], ["yarn", "cache"], ["yarn", "config"], ["yarn", "global"], ["pnpm", "config"],
        ["pnpm", "store"], ["go", "env"], ["go", "version"], ["pip", "cache"], ["pip", "config"], ["go", "mod", "verify"],
        ["bundle", "config"], ["gem", "install"], ["gem", "update"], ["mix", "local.hex"], ["mix", "local.rebar"], ["git", "config"],
        ["dotnet", "--info"], ["dotnet", "tool"], ["cabal", "update"], ["stack", "setup"], ["rustup"], ["venv"],
        ["virtualenv"], ["uv", "venv"], ["poetry", "config"], ["pipenv", "--version"], ["composer", "config"],
        ["npm", "install", "-g"], ["npm", "i", "-g"], ["pnpm", "add", "-g"], ["bun", "add", "-g"], ["cargo", "install", "cargo-chef"],
    ];

    public static bool IsSourceFree(ShellCommand command)
    {
        if (command.Words.Count == 0) return true;
        var program = Path.GetFileName(command.Words[0]);
        if (Programs.Contains(program)) return true;
        var (normalised, args) = InstallCommandMatcher.Normalise(command.Words);
        // `pip install pkg==1.0` names its packages: it reads nothing from the context.
        if (normalised == "pip" && args.Count >= 2 && args[0] == "install"
            && args.Skip(1).All(w => (w.StartsWith('-') && w is not ("-r" or "-c" or "-e" or "--requirement" or "--constraint" or "--editable") && !w.StartsWith("-r", StringComparison.Ordinal))
                                    || (!w.StartsWith('.') && !w.StartsWith('/') && !w.Contains('$') && !w.EndsWith(".txt", StringComparison.Ordinal) && !w.EndsWith(".whl", StringComparison.Ordinal))))
            return true;
        if (normalised is "npm" or "pnpm" or "bun" && args.Count >= 2 && args[0] is "install" or "i" or "add" && args.Any(a => a is "-g" or "--global")) return true;
        return Subcommands.Any(s => s[0] == (normalised ?? program) && args.Count >= s.Length - 1 && s.Skip(1).SequenceEqual(args.Take(s.Length - 1)));
    }
}
