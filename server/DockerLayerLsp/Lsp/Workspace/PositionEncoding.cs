using DockerLayerLsp.Lsp.Protocol;
using DockerLayerLsp.Syntax;
using LspRange = DockerLayerLsp.Lsp.Protocol.Range;

namespace DockerLayerLsp.Lsp.Workspace;

/// <summary>
/// Converts between the analysis layers' UTF-16 offsets and LSP positions in the negotiated
/// encoding. Positions past the end of a line or of the text clamp (editors send them routinely).
/// </summary>
public sealed class PositionEncoding
{
    public static readonly PositionEncoding Utf16 = new(PositionEncodingKind.UTF16);
    public static readonly PositionEncoding Utf8 = new(PositionEncodingKind.UTF8);

    private PositionEncoding(string kind) => Kind = kind;

    public string Kind { get; }

    /// <summary>UTF-8 whenever the client offers it (cheaper for byte-oriented editors), else the mandatory UTF-16.</summary>
    public static PositionEncoding Negotiate(IEnumerable<string>? offered)
        => offered?.Contains(PositionEncodingKind.UTF8) == true ? Utf8 : Utf16;

    public Position ToPosition(SourceText text, int offset)
    {
        var position = text.GetLinePosition(offset);
        var character = this == Utf8 ? text.GetUtf8Character(offset) : position.Character;
        return new Position { Line = position.Line, Character = character };
    }

    public LspRange ToRange(SourceText text, TextSpan span)
        => new() { Start = ToPosition(text, span.Start), End = ToPosition(text, span.End) };

    public int ToOffset(SourceText text, Position position)
        => this == Utf8
            ? text.GetOffsetFromUtf8(position.Line, position.Character)
            : text.GetOffset(new LinePosition(position.Line, position.Character));

    public TextSpan ToSpan(SourceText text, LspRange range)
    {
        var start = ToOffset(text, range.Start);
        var end = ToOffset(text, range.End);
        return end >= start ? TextSpan.FromBounds(start, end) : TextSpan.FromBounds(end, start);
    }

    /// <summary>True when <paramref name="position"/> lies inside the text (used to report out-of-range requests).</summary>
    public static bool IsInside(SourceText text, Position position)
        => position.Line >= 0 && position.Character >= 0 && position.Line < text.LineCount;
}
