using System.Collections.Immutable;
using DockerLayerLsp.Analysis.Findings;
using DockerLayerLsp.Analysis.Fixes;
using DockerLayerLsp.Syntax;

namespace DockerLayerLsp.Analysis.Incremental;

/// <summary>
/// Findings as values: moved as a whole (every span, related location and fix edit) and compared field by field,
/// arrays included (a record's own equality compares <see cref="ImmutableArray{T}"/> by reference).
/// </summary>
internal static class FindingValues
{
    public static Finding Shift(Finding finding, int delta)
    {
        if (delta == 0) return finding;
        return finding with
        {
            Span = Shift(finding.Span, delta),
            Related = finding.Related.Select(r => r with { Span = Shift(r.Span, delta) }).ToImmutableArray(),
            Fixes = finding.Fixes.Select(f => f with { Edits = f.Edits.Select(e => e with { Span = Shift(e.Span, delta) }).ToImmutableArray() }).ToImmutableArray(),
        };
    }

    public static ImmutableArray<Finding> Shift(ImmutableArray<Finding> findings, int delta)
        => delta == 0 ? findings : findings.Select(f => Shift(f, delta)).ToImmutableArray();

    public static bool SequenceEqual(ImmutableArray<Finding> a, ImmutableArray<Finding> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!Equal(a[i], b[i])) return false;
        }
        return true;
    }

    public static bool Equal(Finding a, Finding b)
        => a.Rule == b.Rule && a.Severity == b.Severity && a.Message == b.Message && a.Span == b.Span
           && a.Related.SequenceEqual(b.Related) && SequenceEqual(a.Fixes, b.Fixes);

    private static bool SequenceEqual(ImmutableArray<CodeFix> a, ImmutableArray<CodeFix> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i].Title != b[i].Title || a[i].Safety != b[i].Safety || a[i].Note != b[i].Note || !a[i].Edits.SequenceEqual(b[i].Edits)) return false;
        }
        return true;
    }

    private static TextSpan Shift(TextSpan span, int delta) => new(span.Start + delta, span.Length);
}
