using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Shell;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Model;

/// <summary>A variable visible to an instruction: its value and the instruction that set it.</summary>
public sealed record VariableValue(string Name, string? Value, InstructionSyntax? DefinedBy, bool IsBuildArg);

/// <summary>
/// An instruction inside a stage, with the state the build has when it runs: the effective WORKDIR,
/// USER, SHELL and the ARG/ENV values known at that point.
/// </summary>
public class InstructionModel(
    InstructionSyntax syntax,
    int stageIndex,
    int indexInStage,
    string workingDirectory,
    string? user,
    ImmutableArray<string> shell,
    ImmutableDictionary<string, VariableValue> variables)
{
    public InstructionSyntax Syntax { get; } = syntax;
    public int StageIndex { get; } = stageIndex;
    /// <summary>Position among the stage's instructions after FROM; also its layer index in the stage.</summary>
    public int IndexInStage { get; } = indexInStage;
    /// <summary>Absolute WORKDIR in effect when the instruction runs ("/" when the base image's is unknown).</summary>
    public string WorkingDirectory { get; } = workingDirectory;
    public string? User { get; } = user;
    public ImmutableArray<string> Shell { get; } = shell;
    public ImmutableDictionary<string, VariableValue> Variables { get; } = variables;
    public InstructionKind Kind => Syntax.Kind;
}

/// <summary>Where a COPY/ADD source comes from.</summary>
public enum CopySourceKind
{
    /// <summary>A path or glob in the build context.</summary>
    Context,
    /// <summary>An inline heredoc (<c>COPY &lt;&lt;EOF /dest</c>).</summary>
    Heredoc,
    /// <summary>A remote URL or git repository (ADD).</summary>
    Remote,
    /// <summary>A path in another stage or image (<c>--from</c>).</summary>
    OtherStage,
}

/// <summary>One source of a COPY/ADD, with variables expanded.</summary>
public sealed record CopySource(string Raw, string Path, CopySourceKind Kind, TextSpan Span);

/// <summary>A COPY or ADD with its sources and its destination resolved to an absolute path.</summary>
public sealed class CopyModel(
    InstructionModel state,
    bool isAdd,
    string? from,
    ImmutableArray<CopySource> sources,
    string destinationRaw,
    string destination,
    bool destinationIsDirectory)
    : InstructionModel(state.Syntax, state.StageIndex, state.IndexInStage, state.WorkingDirectory, state.User, state.Shell, state.Variables)
{
    public bool IsAdd { get; } = isAdd;
    /// <summary>The <c>--from</c> value (stage name, index or image), null for the build context.</summary>
    public string? From { get; } = from;
    public ImmutableArray<CopySource> Sources { get; } = sources;
    public string DestinationRaw { get; } = destinationRaw;
    /// <summary>Absolute destination path.</summary>
    public string Destination { get; } = destination;
    /// <summary>True when the destination is a directory (ends with '/', or several sources).</summary>
    public bool DestinationIsDirectory { get; } = destinationIsDirectory;
    public bool CopiesFromContext => From is null && Sources.Any(s => s.Kind == CopySourceKind.Context);
}

/// <summary>A <c>RUN --mount=...</c> option set.</summary>
public sealed record RunMount(string Type, ImmutableDictionary<string, string> Options)
{
    public string? Source => Options.GetValueOrDefault("source") ?? Options.GetValueOrDefault("src");
    public string? Target => Options.GetValueOrDefault("target") ?? Options.GetValueOrDefault("dst") ?? Options.GetValueOrDefault("destination");
    public string? From => Options.GetValueOrDefault("from");
}

/// <summary>A RUN with its script split into simple commands.</summary>
public sealed class RunModel(InstructionModel state, string script, ImmutableArray<ShellCommand> commands, ImmutableArray<RunMount> mounts)
    : InstructionModel(state.Syntax, state.StageIndex, state.IndexInStage, state.WorkingDirectory, state.User, state.Shell, state.Variables)
{
    /// <summary>The shell script as the shell sees it (continuations joined; heredoc bodies included).</summary>
    public string Script { get; } = script;
    public ImmutableArray<ShellCommand> Commands { get; } = commands;
    public ImmutableArray<RunMount> Mounts { get; } = mounts;
}
