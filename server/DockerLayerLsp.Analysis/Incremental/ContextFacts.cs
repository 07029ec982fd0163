using System.IO.Hashing;
using System.Text;
using DockerLayerLsp.Analysis.Ecosystems;

namespace DockerLayerLsp.Analysis.Incremental;

/// <summary>
/// What the rules can learn from a build context, reduced to values: the set of dependency manifests (with
/// <see cref="BuildContext.BuildContext.ManifestFingerprint"/>) and the set of included files. File contents are
/// not part of it, because no rule reads them: saving a source file changes no fact, so nothing re-runs.
/// </summary>
/// <remarks>
/// The file set is a separate fact because DLC001 also asks which non-manifest files a COPY brings ("is this COPY
/// broad?"): adding or removing a file can change that answer, so it re-runs the findings (never the models).
/// </remarks>
public sealed record ContextFacts(string ManifestFingerprint, string FileSetFingerprint)
{
    public static ContextFacts? From(BuildContext.BuildContext? context)
    {
        if (context is null) return null;
        var manifests = context.Files.Where(f => EcosystemCatalog.LooksLikeManifest(f[(f.LastIndexOf('/') + 1)..]));
        return new ContextFacts(context.ManifestFingerprint(manifests), HashFileSet(context));
    }

    private static string HashFileSet(BuildContext.BuildContext context)
    {
        var hash = new XxHash128();
        foreach (var list in new[] { context.Files, context.UnenumeratedDirectories })
        {
            foreach (var path in list)
            {
                hash.Append(Encoding.UTF8.GetBytes(path));
                hash.Append("\0"u8);
            }
            hash.Append("\n"u8);
        }
        hash.Append(context.IsTruncated ? "t"u8 : "f"u8);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
