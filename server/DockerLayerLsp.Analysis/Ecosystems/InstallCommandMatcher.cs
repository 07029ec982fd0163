using DockerLayerLsp.Analysis.Shell;

namespace DockerLayerLsp.Analysis.Ecosystems;

/// <summary>A shell command recognised as a dependency install (or a build that resolves dependencies).</summary>
/// <param name="ProjectDirectory">Absolute container directory whose manifests the install reads; null if unknown.</param>
/// <param name="Manifests">Manifests the install reads, relative to <paramref name="ProjectDirectory"/>
/// (for pip: the requirement files it was given; otherwise the ecosystem's table row).</param>
/// <param name="Kind">What the command needs: <see cref="InstallKind.DependenciesOnly"/> once flags such as
/// <c>--no-root</c> are taken into account.</param>
/// <param name="Arguments">The words after the program, as written (quotes removed).</param>
public sealed record InstallMatch(
    Ecosystem Ecosystem,
    InstallCommand Command,
    ShellCommand Shell,
    string? ProjectDirectory,
    IReadOnlyList<ManifestFile> Manifests,
    InstallKind Kind,
    IReadOnlyList<string> Arguments)
{
    /// <summary>The program as the user spelled it (<c>./mvnw</c>, <c>pip3</c>), for commands a fix writes.</summary>
    public string ProgramAsWritten => Shell.Words[0];

    /// <summary>The project, solution or project folder named on the command line (dotnet restore src/App/App.csproj), as
    /// written: relative to the folder the command runs in (<see cref="ShellCommand.WorkingDirectory"/>), not to <see cref="ProjectDirectory"/>.</summary>
    public string? ProjectFile { get; init; }
}

/// <summary>Recognises dependency installs among shell commands, using <see cref="EcosystemCatalog"/>.</summary>
public static class InstallCommandMatcher
{
    public static InstallMatch? Match(ShellCommand command)
    {
        var (program, args) = Normalise(command.Words);
        if (program is null) return null;
        foreach (var ecosystem in EcosystemCatalog.All)
        {
            foreach (var install in ecosystem.Installs)
            {
                if (install.Program != program) continue;
                // `pnpm -C web install`, `yarn --cwd app install`: a directory flag may come before the subcommand.
                var lead = 0;
                while (lead < args.Count && install.DirectoryFlags.Contains(SplitFlag(args[lead]).Flag))
                    lead += SplitFlag(args[lead]).Value is null ? 2 : 1;
                var afterLead = args.Skip(lead).ToList();
                if (!StartsWith(afterLead, install.Subcommand)) continue;
                var rest = afterLead.Skip(install.Subcommand.Count).Concat(args.Take(Math.Min(lead, args.Count))).Select(a => a.TrimEnd(',')).ToList();
                var match = MatchArguments(ecosystem, install, command, rest);
                if (match is not null) return match;
            }
        }
        return null;
    }

    private static InstallMatch? MatchArguments(Ecosystem ecosystem, InstallCommand install, ShellCommand command, List<string> rest)
    {
        if (rest.Any(a => install.DisqualifyingFlags.Contains(SplitFlag(a).Flag))) return null;
        if (install.RequiredFragment is { } fragment && !rest.Any(a => a.Contains(fragment, StringComparison.Ordinal))) return null;
        var projectDirectory = command.WorkingDirectory;
        var positional = new List<string>();
        var requirementFiles = new List<string>();
        string? manifestFile = null;
        for (var i = 0; i < rest.Count; i++)
        {
            var arg = rest[i];
            var (flag, inlineValue) = SplitFlag(arg);
            if (install.DirectoryFlags.Contains(flag))
            {
                var value = inlineValue ?? (i + 1 < rest.Count ? rest[++i] : null);
                projectDirectory = Move(projectDirectory, value);
                continue;
            }
            if (install.ManifestFlags.Contains(flag))
            {
                manifestFile = inlineValue ?? (i + 1 < rest.Count ? rest[++i] : null);
                if (manifestFile is null || manifestFile.Contains('$')) return null;
                continue;
            }
            if (install.Arguments == ArgumentPolicy.RequirementFiles && EcosystemCatalog.RequirementFlags.Contains(flag))
            {
                var value = inlineValue ?? (i + 1 < rest.Count ? rest[++i] : null);
                if (value is not null) requirementFiles.Add(value);
                continue;
            }
            if (install.Arguments == ArgumentPolicy.RequirementFiles && arg.Length > 2 && (arg.StartsWith("-r", StringComparison.Ordinal) || arg.StartsWith("-c", StringComparison.Ordinal)) && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                requirementFiles.Add(arg[2..]);
                continue;
            }
            if (install.ValueFlags.Contains(flag) && inlineValue is null) { i++; continue; }
            if (!arg.StartsWith('-') && !arg.All(char.IsAsciiDigit)) positional.Add(arg);
        }

        if (install.DisqualifyingFragment is { } bad && positional.Any(p => p.Contains(bad, StringComparison.Ordinal))) return null;
        if (install.PositionalPrefix is { } prefix && positional.Any(p => !p.StartsWith(prefix, StringComparison.Ordinal))) return null;
        var kind = install.Kind == InstallKind.NeedsSource && rest.Any(a => install.DependenciesOnlyWords.Contains(SplitFlag(a).Flag))
            ? InstallKind.DependenciesOnly
            : install.Kind;
        if (ecosystem.VendorFlags.Count > 0
            && (rest.Any(a => ecosystem.VendorFlags.Contains(a)) || command.Environment.Values.Any(v => ecosystem.VendorFlags.Any(f => v.Contains(f, StringComparison.Ordinal)))))
            return null;

        if (manifestFile is not null)
        {
            // --manifest-path dir/Cargo.toml, -f sub/pom.xml: the project is the file's folder.
            var slash = manifestFile.LastIndexOf('/');
            if (slash >= 0) projectDirectory = Move(projectDirectory, manifestFile[..slash]);
            var name = manifestFile[(slash + 1)..];
            var manifests = ecosystem.Manifests.Count == 0 || install.DefaultManifest is not null
                ? [new ManifestFile(name, ManifestRole.Required)]
                : ecosystem.Manifests.Where(m => m.Role != ManifestRole.Required || m.Name == name).Append(new ManifestFile(name, ManifestRole.Required)).Distinct().ToList();
            return new InstallMatch(ecosystem, install, command, projectDirectory, manifests, kind, rest);
        }

        switch (install.Arguments)
        {
            case ArgumentPolicy.FlagsOnly when positional.Count > 0:
                return null;
            case ArgumentPolicy.RequirementFiles:
                if (requirementFiles.Count == 0 || requirementFiles.Any(f => f.Contains('$') || f.StartsWith("<(", StringComparison.Ordinal) || f.StartsWith("/dev/", StringComparison.Ordinal))) return null;
                // `pip install -r requirements.txt .` also installs the project itself, which needs the source.
                if (positional.Any(p => p is "." or "./" || p.StartsWith("-e", StringComparison.Ordinal) || p.StartsWith('/') || p.StartsWith("./", StringComparison.Ordinal))) return null;
                if (rest.Any(a => a is "-e" or "--editable")) return null;
                return new InstallMatch(ecosystem, install, command, projectDirectory, requirementFiles.Select(f => new ManifestFile(f, ManifestRole.Required)).ToList(), kind, rest);
            case ArgumentPolicy.PositionalFiles:
                var files = positional.Count > 0 ? positional : install.DefaultManifest is { } fallback ? [fallback] : [];
                if (files.Count == 0 || files.Any(f => f.Contains('$'))) return null;
                return new InstallMatch(ecosystem, install, command, projectDirectory, files.Select(f => new ManifestFile(f, ManifestRole.Required)).ToList(), kind, rest);
            case ArgumentPolicy.ProjectFile when positional.Count > 0:
                // dotnet restore src/App/App.csproj: the project's folder and file; a folder argument is the project folder.
                var project = positional[0];
                if (project.Contains('$') || positional.Count > 1) return null;
                var isFile = project.EndsWith("proj", StringComparison.Ordinal) || project.EndsWith(".sln", StringComparison.Ordinal) || project.EndsWith(".slnx", StringComparison.Ordinal);
                if (!isFile) return new InstallMatch(ecosystem, install, command, Move(projectDirectory, project), ecosystem.Manifests, kind, rest) { ProjectFile = project };
                var cut = project.LastIndexOf('/');
                var directory = cut >= 0 ? Move(projectDirectory, project[..cut]) : projectDirectory;
                var fileName = project[(cut + 1)..];
                return new InstallMatch(ecosystem, install, command, directory,
                    ecosystem.Manifests.Where(m => m.Role != ManifestRole.Required).Prepend(new ManifestFile(fileName, ManifestRole.Required)).ToList(), kind, rest)
                { ProjectFile = project };
            default:
                if (install.DefaultManifest is { } only)
                    return new InstallMatch(ecosystem, install, command, projectDirectory, [new ManifestFile(only, ManifestRole.Required)], kind, rest);
                if (ecosystem.Manifests.Count == 0) return null;
                return new InstallMatch(ecosystem, install, command, projectDirectory, ecosystem.Manifests, kind, rest);
        }
    }

    private static string? Move(string? directory, string? value)
        => value is null || value.Contains('$') || (directory is null && !value.StartsWith('/')) ? null : ContainerPaths.Resolve(directory ?? "/", value);

    private static (string Flag, string? Value) SplitFlag(string arg)
    {
        if (!arg.StartsWith('-')) return (arg, null);
        var eq = arg.IndexOf('=');
        return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
    }

    /// <summary>Maps <c>/usr/bin/pip3</c>, <c>python3 -m pip</c>, <c>./gradlew</c> and friends to one program name.</summary>
    public static (string? Program, List<string> Args) Normalise(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return (null, []);
        var program = Path.GetFileName(words[0]);
        var args = words.Skip(1).ToList();
        if (program.StartsWith("python", StringComparison.Ordinal) && args.Count >= 2 && args[0] == "-m")
        {
            program = args[1];
            args = args.Skip(2).ToList();
        }
        if (program is "corepack" or "npx" && args.Count > 0 && args[0] is "yarn" or "pnpm")
        {
            program = args[0];
            args = args.Skip(1).ToList();
        }
        if (program.StartsWith("pip", StringComparison.Ordinal) && program.Length <= 7 && program[3..].All(c => char.IsAsciiDigit(c) || c == '.'))
            program = "pip";
        if (EcosystemCatalog.ProgramAliases.TryGetValue(program, out var alias)) program = alias;
        return (program, args);
    }

    private static bool StartsWith(List<string> args, IReadOnlyList<string> prefix)
    {
        if (args.Count < prefix.Count) return false;
        for (var i = 0; i < prefix.Count; i++)
            if (args[i].TrimEnd(',') != prefix[i]) return false;
        return true;
    }
}
