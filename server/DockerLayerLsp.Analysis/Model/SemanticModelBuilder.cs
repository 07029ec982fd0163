using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Shell;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Model;

/// <summary>Walks a syntax tree once, tracking build state, and produces the <see cref="SemanticModel"/>.</summary>
public static class SemanticModelBuilder
{
    private static readonly ImmutableArray<string> DefaultShell = ["/bin/sh", "-c"];

    /// <summary>The state a stage carries from one instruction to the next.</summary>
    private sealed class StageState
    {
        public string WorkingDirectory = "/";
        public string? User;
        public ImmutableArray<string> Shell = DefaultShell;
        public ImmutableDictionary<string, VariableValue> Variables = ImmutableDictionary<string, VariableValue>.Empty;
        /// <summary>ENV only: what a child stage inherits (ARGs are not inherited).</summary>
        public ImmutableDictionary<string, VariableValue> Environment = ImmutableDictionary<string, VariableValue>.Empty;
    }

    public static SemanticModel Build(SyntaxTree tree) => Build(tree, tree.Root.Instructions);

    /// <summary>
    /// The model of <paramref name="subset"/>, a subsequence of the tree's instructions in file order (the
    /// incremental pipeline passes one stage with the global ARGs and the stages it builds on).
    /// </summary>
    internal static SemanticModel Build(SyntaxTree tree, IEnumerable<InstructionSyntax> subset)
    {
        var escape = tree.EscapeChar;
        var globalArgs = ImmutableDictionary<string, VariableValue>.Empty;
        var stages = new List<Stage>();
        var finalStates = new List<StageState>();
        InstructionSyntax? from = null;
        StageState? state = null;
        var instructions = ImmutableArray.CreateBuilder<InstructionModel>();
        (string? Name, string Base, int? BaseIndex) header = default;

        void FinishStage()
        {
            if (from is null || state is null) return;
            stages.Add(new Stage(stages.Count, header.Name, header.Base ?? "", header.BaseIndex, from, instructions.ToImmutable())
            {
                BaseStage = header.BaseIndex is { } baseIndex && baseIndex < stages.Count ? stages[baseIndex] : null,
            });
            finalStates.Add(state);
            instructions.Clear();
        }

        foreach (var instruction in subset)
        {
            if (instruction.Kind == InstructionKind.From)
            {
                FinishStage();
                from = instruction;
                header = ReadFrom(instruction, globalArgs, escape, stages);
                state = new StageState();
                if (header.BaseIndex is { } baseIndex)
                {
                    var parent = finalStates[baseIndex];
                    state.WorkingDirectory = parent.WorkingDirectory;
                    state.User = parent.User;
                    state.Shell = parent.Shell;
                    state.Environment = parent.Environment;
                }
                state.Variables = state.Environment;
                continue;
            }
            if (state is null)
            {
                if (instruction.Kind == InstructionKind.Arg)
                    globalArgs = DeclareArgs(instruction, globalArgs, globalArgs, escape);
                continue;
            }

            var model = new InstructionModel(instruction, stages.Count, instructions.Count, state.WorkingDirectory, state.User, state.Shell, state.Variables);
            instructions.Add(instruction.Kind switch
            {
                InstructionKind.Copy or InstructionKind.Add => BuildCopy(model, escape),
                InstructionKind.Run => BuildRun(model),
                _ => model,
            });
            Apply(instruction, state, globalArgs, escape);
        }
        FinishStage();
        return new SemanticModel(tree, [.. stages], globalArgs);
    }

    private static (string? Name, string Base, int? BaseIndex) ReadFrom(
        InstructionSyntax from, ImmutableDictionary<string, VariableValue> globalArgs, char escape, List<Stage> earlier)
    {
        var words = from.Words;
        if (words.Count == 0) return (null, "", null);
        var image = VariableExpander.Expand(words[0].Value, globalArgs, escape, out _);
        string? name = words.Count >= 3 && words[1].Value.Equals("as", StringComparison.OrdinalIgnoreCase) ? words[2].Value : null;
        int? baseIndex = null;
        var named = earlier.FindLastIndex(s => s.Name is not null && s.Name.Equals(image, StringComparison.OrdinalIgnoreCase));
        if (named >= 0) baseIndex = named;
        return (name, image, baseIndex);
    }

    private static void Apply(InstructionSyntax instruction, StageState state, ImmutableDictionary<string, VariableValue> globalArgs, char escape)
    {
        switch (instruction.Kind)
        {
            case InstructionKind.Arg:
                state.Variables = DeclareArgs(instruction, state.Variables, globalArgs, escape);
                break;
            case InstructionKind.Env:
                foreach (var pair in instruction.KeyValues)
                {
                    var value = VariableExpander.Expand(pair.UnquotedValue ?? "", state.Variables, escape, out _);
                    var variable = new VariableValue(pair.Key, value, instruction, IsBuildArg: false);
                    state.Variables = state.Variables.SetItem(pair.Key, variable);
                    state.Environment = state.Environment.SetItem(pair.Key, variable);
                }
                break;
            case InstructionKind.Workdir:
                var raw = string.Join(' ', instruction.Words.Select(w => w.Value));
                var expanded = VariableExpander.Expand(raw, state.Variables, escape, out _);
                if (expanded.Length > 0) state.WorkingDirectory = ContainerPaths.Resolve(state.WorkingDirectory, expanded);
                break;
            case InstructionKind.User:
                state.User = VariableExpander.Expand(instruction.ArgumentText, state.Variables, escape, out _);
                break;
            case InstructionKind.Shell when instruction.ExecArguments is { Count: > 0 } shell:
                state.Shell = [.. shell.Select(a => a.Value)];
                break;
        }
    }

    private static ImmutableDictionary<string, VariableValue> DeclareArgs(
        InstructionSyntax instruction, ImmutableDictionary<string, VariableValue> variables, ImmutableDictionary<string, VariableValue> globalArgs, char escape)
    {
        foreach (var pair in instruction.KeyValues)
        {
            // `ARG NAME` inside a stage takes the global default declared before FROM, if any.
            var value = pair.HasEquals
                ? VariableExpander.Expand(pair.UnquotedValue ?? "", variables, escape, out _)
                : globalArgs.GetValueOrDefault(pair.Key)?.Value;
            variables = variables.SetItem(pair.Key, new VariableValue(pair.Key, value, instruction, IsBuildArg: true));
        }
        return variables;
    }

    private static CopyModel BuildCopy(InstructionModel model, char escape)
    {
        var syntax = model.Syntax;
        var from = syntax.Flags.FirstOrDefault(f => f.Name == "from")?.Value;
        var arguments = syntax.Form == ArgumentForm.Exec && syntax.ExecArguments is { } exec
            ? exec.Select(a => (Raw: a.Value, Value: a.Value, a.Span)).ToList()
            : syntax.Words.Select(w => (Raw: w.Text, w.Value, w.Span)).ToList();
        if (arguments.Count == 0)
            return new CopyModel(model, syntax.Kind == InstructionKind.Add, from, [], "", model.WorkingDirectory, true);

        var heredocNames = syntax.Heredocs.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        var sources = ImmutableArray.CreateBuilder<CopySource>();
        foreach (var (raw, value, span) in arguments.Take(arguments.Count - 1))
        {
            var path = VariableExpander.Expand(value, model.Variables, escape, out _);
            var kind = from is not null ? CopySourceKind.OtherStage
                : IsHeredocWord(raw, heredocNames) ? CopySourceKind.Heredoc
                : IsRemote(path) ? CopySourceKind.Remote
                : CopySourceKind.Context;
            sources.Add(new CopySource(raw, path, kind, span));
        }
        var destinationRaw = arguments[^1].Value;
        var destination = VariableExpander.Expand(destinationRaw, model.Variables, escape, out _);
        var isDirectory = destination.EndsWith('/') || destination is "." or ".." || sources.Count > 1;
        return new CopyModel(model, syntax.Kind == InstructionKind.Add, from, sources.ToImmutable(), destinationRaw,
            ContainerPaths.Resolve(model.WorkingDirectory, destination), isDirectory);
    }

    private static bool IsHeredocWord(string raw, HashSet<string> names)
    {
        var at = raw.IndexOf("<<", StringComparison.Ordinal);
        if (at < 0) return false;
        var name = raw[(at + 2)..].TrimStart('-').Trim('\'', '"');
        return names.Contains(name) || names.Count > 0;
    }

    private static bool IsRemote(string path)
        => path.Contains("://", StringComparison.Ordinal) || path.StartsWith("git@", StringComparison.Ordinal);

    private static RunModel BuildRun(InstructionModel model)
    {
        var syntax = model.Syntax;
        var mounts = syntax.Flags.Where(f => f.Name == "mount" && f.Value is not null).Select(f => ParseMount(f.Value!)).ToImmutableArray();
        if (syntax.Form == ArgumentForm.Exec && syntax.ExecArguments is { } exec)
        {
            var words = exec.Select(a => a.Value).ToList();
            var script = string.Join(' ', words.Select(QuoteForDisplay));
            return new RunModel(model, script, [.. ShellScriptSplitter.FromWords(words, script, model.WorkingDirectory)], mounts);
        }
        var text = syntax.ArgumentText;
        if (syntax.Heredocs.Count > 0 && ScriptIsInHeredoc(text))
            text = string.Join('\n', syntax.Heredocs.Select(h => h.Content));
        return new RunModel(model, text, [.. ShellScriptSplitter.Split(text, model.WorkingDirectory)], mounts);
    }

    /// <summary><c>RUN &lt;&lt;EOF</c> and <c>RUN bash &lt;&lt;EOF</c> run the heredoc as the script.</summary>
    private static bool ScriptIsInHeredoc(string argumentText)
    {
        var words = ShellWords.Split(argumentText);
        if (words.Count == 0) return false;
        var first = words[0].TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return first.StartsWith("<<", StringComparison.Ordinal)
               || (Path.GetFileName(words[0]) is "sh" or "bash" or "ash" or "dash" && words.Skip(1).All(w => w.StartsWith('-') || w.Contains("<<", StringComparison.Ordinal)));
    }

    private static RunMount ParseMount(string value)
    {
        var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var part in value.Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) options[part.Trim()] = "true";
            else options[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        var type = options.GetValueOrDefault("type") ?? "bind";
        return new RunMount(type, options.ToImmutable());
    }

    private static string QuoteForDisplay(string word) => word.Any(char.IsWhiteSpace) ? $"\"{word}\"" : word;
}
