using System.Collections.Immutable;
using DockerLayerLsp.Analysis.BuildContext;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Analysis.Model;

namespace DockerLayerLsp.Analysis.Rules.BuildContextSources;

/// <summary>
/// DLC003 — a COPY/ADD source that is not in the build context.
///
/// What it does: reports a COPY or ADD source path from the build context that names no file or folder the
/// build would send: it does not exist there, or .dockerignore leaves it out.
///
/// Why it matters: `docker build` stops at that instruction ("failed to compute cache key: not found"), and
/// every cache rule judges the Dockerfile against the wrong files. Most often the Dockerfile is built from
/// another folder (`docker build -f docker/Dockerfile .`) than the one it sits in, which is the default context.
///
/// Fix: none; the message says which it is (missing or ignored) and how to point the analysis at the real
/// context. A missing path is reported one level lower than the rule's severity: it may be a build output
/// made before `docker build` runs. Sources with variables (build arguments can change them), from other stages, remote URLs and
/// heredocs are not checked, nor is anything when the context could not be read completely.
/// </summary>
public sealed class CopySourceNotInContextRule : IRule
{
    public static readonly RuleDescriptor Rule = new(
        "DLC003",
        "copy-source-not-in-context",
        "COPY source is not in the build context",
        FindingSeverity.Warning,
        new RuleDocumentation(
            WhatItDoes: "Reports a COPY or ADD source from the build context that names no file or folder the build sends: it does not exist in the context folder, or .dockerignore leaves it out. Sources with variables, `--from` sources, remote URLs and heredocs are not checked, and nothing is checked when the context could not be read completely. A missing path is reported one level below the rule's severity (information by default), since it may be a build output made before `docker build` runs (target/app.jar, dist/); an excluded one at the rule's severity.",
            WhyItMatters: "The build stops at that instruction (\"failed to compute cache key: not found\"). When every source is missing, the Dockerfile is usually built from another folder than the one it sits in (`docker build -f docker/Dockerfile .`): until the analysis uses that folder as the build context, the cache rules judge the Dockerfile against the wrong files and can miss what they look for.",
            Example: "# the build context holds go.mod, go.sum and the source; there is no go.work\nFROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum go.work ./\nRUN go mod download",
            UseInstead: "FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download",
            FixSafety: "No fix is offered: whether to add the file, change .dockerignore or build from another folder is the author's choice. To analyze against another folder, pass `dockerlayer check --context DIR`, or set `dockerlayer.buildContext` in the editor."));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Analyze(RuleContext context)
    {
        if (context.BuildContext is not { IsTruncated: false } buildContext) yield break;
        // A context of nothing but Dockerfiles is the folder a Dockerfile sits in, not the one it is built from:
        // every source is "missing", and one finding says so where a hundred would bury everything else.
        var wrongContext = buildContext.Files.All(IsDockerfileOrIgnore);
        foreach (var stage in context.Model.Stages)
        {
            foreach (var copy in stage.Instructions.OfType<CopyModel>())
            {
                if (copy.From is not null) continue;
                var parents = copy.Syntax.Flags.Any(f => f.Name.Equals("parents", StringComparison.OrdinalIgnoreCase));
                foreach (var source in copy.Sources)
                {
                    if (source.Kind != CopySourceKind.Context || source.Raw.Contains('$')) continue;
                    var problem = Problem(buildContext, source.Path, parents);
                    if (problem is null) continue;
                    if (wrongContext)
                    {
                        yield return new Finding(Rule, context.Severity.Lower(), WrongContextMessage(buildContext, source.Path), source.Span,
                            ImmutableArray<RelatedLocation>.Empty, ImmutableArray<CodeFix>.Empty);
                        yield break;
                    }
                    // A missing path may be a build output made before `docker build` runs (target/app.jar, dist/):
                    // one level lower than an exclusion, which is always a mistake.
                    var severity = problem == Absence.Ignored ? context.Severity : context.Severity.Lower();
                    yield return new Finding(Rule, severity, Message(buildContext, source.Path, problem.Value), source.Span,
                        ImmutableArray<RelatedLocation>.Empty, ImmutableArray<CodeFix>.Empty);
                }
            }
        }
    }

    private const string WrongContextPrefix = "The build context (";

    /// <summary>Per-stage analyses each report their first missing source when the context is only Dockerfiles; the
    /// document keeps the earliest, so the whole-file and incremental analyses agree on one finding.</summary>
    public IEnumerable<Finding> CombineAcrossStages(IReadOnlyList<Finding> findings)
    {
        var first = findings.Where(f => f.Message.StartsWith(WrongContextPrefix, StringComparison.Ordinal)).MinBy(f => f.Span.Start);
        return findings.Where(f => first is null || !f.Message.StartsWith(WrongContextPrefix, StringComparison.Ordinal) || ReferenceEquals(f, first));
    }

    private static bool IsDockerfileOrIgnore(string path)
    {
        var name = Path.GetFileName(path);
        return DockerfileName.Matches(name) || name.EndsWith(".dockerignore", StringComparison.Ordinal);
    }

    private static string WrongContextMessage(BuildContext.BuildContext context, string source)
        => $"{WrongContextPrefix}{context.Root}) holds nothing but Dockerfiles, so `{source}` and every other COPY source are missing from it: the image is built from another folder (`docker build -f <this file> <folder>`). Analyze it with that folder as the build context (`--context`, or the `dockerlayer.buildContext` setting); until then the cache rules cannot see the manifests.";

    private enum Absence { Missing, Ignored }

    private static Absence? Problem(BuildContext.BuildContext context, string source, bool parents)
    {
        var path = ContextPath.ToContextRelative(source);
        if (path.Length == 0 || path.StartsWith("..", StringComparison.Ordinal)) return null;
        if (context.Match(path, parents).Any() || context.DirectoryHasIncludedFiles(path)) return null;
        if (ContextPath.ContainsWildcards(path) || parents) return context.IsExcluded(path) ? Absence.Ignored : Absence.Missing;
        // An empty folder is sent (and copies nothing); only a real context on disk can tell it from a missing one.
        if (!context.IsExcluded(path) && Directory.Exists(Path.Combine(context.Root, path))) return null;
        return context.IsExcluded(path) && (File.Exists(Path.Combine(context.Root, path)) || Directory.Exists(Path.Combine(context.Root, path)))
            ? Absence.Ignored
            : Absence.Missing;
    }

    private static string Message(BuildContext.BuildContext context, string source, Absence absence) => absence switch
    {
        Absence.Ignored => $"`{source}` is excluded by {(context.DockerignorePath is { } ignore ? Path.GetFileName(ignore) : ".dockerignore")}, so the build does not send it and this COPY fails. Keep it in the context (a `!{source}` line), or stop copying it.",
        _ => $"`{source}` is not in the build context ({context.Root}): this COPY fails unless it is created before `docker build` runs. If the image is built from another folder (`docker build -f <this file> <folder>`), analyze it with that folder as the build context (`--context`, or the `dockerlayer.buildContext` setting).",
    };

}
