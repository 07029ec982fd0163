using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>A shell command recognised as a dependency install.</summary>
/// <param name="ProjectDirectory">Absolute container directory whose manifests the install reads; null if unknown.</param>
/// <param name="ManifestNames">Manifests the install reads, relative to <paramref name="ProjectDirectory"/>
/// (for pip: the requirement files it was given; otherwise the ecosystem's table row).</param>
public sealed record InstallMatch(
    Ecosystem Ecosystem,
    InstallCommand Command,
    ShellCommand Shell,
    string? ProjectDirectory,
    IReadOnlyList<ManifestFile> ManifestNames);

/// <summary>Recognises dependency installs among shell commands, using <see cref="EcosystemCatalog"/>.</summary>
public static class InstallCommandMatcher
{
    /// <summary>Flags that move the project directory and take the next word as their value.</summary>
    private static readonly HashSet<string> DirectoryFlags = new(StringComparer.Ordinal) { "--prefix", "-C", "--cwd", "--dir" };

    public static InstallMatch? Match(ShellCommand command)
    {
        var (program, args) = Normalise(command.Words);
        if (program is null) return null;
        foreach (var ecosystem in EcosystemCatalog.All)
        {
            foreach (var install in ecosystem.Installs)
            {
                if (install.Program != program || !StartsWith(args, install.Subcommand)) continue;
                var rest = args.Skip(install.Subcommand.Count).ToList();
                var match = MatchArguments(ecosystem, install, command, rest);
                if (match is not null) return match;
            }
        }
        return null;
    }

    private static InstallMatch? MatchArguments(Ecosystem ecosystem, InstallCommand install, ShellCommand command, List<string> rest)
    {
        if (rest.Any(a => install.DisqualifyingFlags.Contains(a))) return null;
        var projectDirectory = command.WorkingDirectory;
        var positional = new List<string>();
        var requirementFiles = new List<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            var arg = rest[i];
            var (flag, inlineValue) = SplitFlag(arg);
            if (DirectoryFlags.Contains(flag))
            {
                var value = inlineValue ?? (i + 1 < rest.Count ? rest[++i] : null);
                projectDirectory = value is null || value.Contains('$') || projectDirectory is null && !value.StartsWith('/')
                    ? null
                    : ContainerPaths.Resolve(projectDirectory ?? "/", value);
                continue;
            }
            if (EcosystemCatalog.RequirementFlags.Contains(flag))
            {
                var value = inlineValue ?? (i + 1 < rest.Count ? rest[++i] : null);
                if (value is not null) requirementFiles.Add(value);
                continue;
            }
            if (arg.StartsWith("-r", StringComparison.Ordinal) && arg.Length > 2 && install.Arguments == ArgumentPolicy.RequirementFiles)
            {
                requirementFiles.Add(arg[2..]);
                continue;
            }
            if (!arg.StartsWith('-')) positional.Add(arg);
        }

        switch (install.Arguments)
        {
            case ArgumentPolicy.FlagsOnly when positional.Count > 0:
                return null;
            case ArgumentPolicy.RequirementFiles:
                if (requirementFiles.Count == 0 || requirementFiles.Any(f => f.Contains('$'))) return null;
                // `pip install -r requirements.txt .` also installs the project itself, which needs the source.
                if (positional.Any(p => p is "." or "./" || p.StartsWith("-e", StringComparison.Ordinal))) return null;
                return new InstallMatch(ecosystem, install, command, projectDirectory,
                    requirementFiles.Select(f => new ManifestFile(f, ManifestRole.Required)).ToList());
            default:
                return new InstallMatch(ecosystem, install, command, projectDirectory, ecosystem.Manifests);
        }
    }

    private static (string Flag, string? Value) SplitFlag(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal)) return (arg, null);
        var eq = arg.IndexOf('=');
        return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
    }

    /// <summary>Maps <c>/usr/bin/pip3</c>, <c>python3 -m pip</c> and friends to one program name.</summary>
    private static (string? Program, List<string> Args) Normalise(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return (null, []);
        var program = Path.GetFileName(words[0]);
        var args = words.Skip(1).ToList();
        if (program.StartsWith("python", StringComparison.Ordinal) && args.Count >= 2 && args[0] == "-m")
        {
            program = args[1];
            args = args.Skip(2).ToList();
        }
        if (program.StartsWith("pip", StringComparison.Ordinal) && program.Length <= 7 && program[3..].All(c => char.IsAsciiDigit(c) || c == '.'))
            program = "pip";
        return (program, args);
    }

    private static bool StartsWith(List<string> args, IReadOnlyList<string> prefix)
    {
        if (args.Count < prefix.Count) return false;
        for (var i = 0; i < prefix.Count; i++)
            if (args[i] != prefix[i]) return false;
        return true;
    }
}
