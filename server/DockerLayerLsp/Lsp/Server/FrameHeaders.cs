using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// Parses one LSP header block (<c>Name: value</c> lines up to an empty line). Names are
/// case-insensitive as in HTTP, whose header syntax the base protocol borrows; lines may end in LF
/// alone; headers other than Content-Length (Content-Type included) are ignored, since LSP only
/// speaks UTF-8 JSON.
/// </summary>
internal static class FrameHeaders
{
    public const int MaxHeaderBytes = 8 * 1024;
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    /// <summary>Lowercase; compared ignoring case. The name resynchronisation searches for.</summary>
    public static ReadOnlySpan<byte> ContentLengthName => "content-length:"u8;

    private static readonly SearchValues<byte> TokenBytes = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    public enum Outcome { NeedMore, Complete, Bad }

    /// <summary>On <see cref="Outcome.Complete"/>: the body length and the header block's length in bytes.
    /// On <see cref="Outcome.Bad"/>: why, for the log.</summary>
    public static Outcome Parse(ReadOnlySpan<byte> window, out int bodyLength, out int headerLength, out string? problem)
    {
        (bodyLength, headerLength, problem) = (0, 0, null);
        long? length = null;
        for (var position = 0; ;)
        {
            var lineFeed = window[position..].IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                if (window.Length < MaxHeaderBytes) return Outcome.NeedMore;
                problem = $"no end of the header within {MaxHeaderBytes} bytes";
                return Outcome.Bad;
            }
            var line = window.Slice(position, lineFeed);
            if (line.EndsWith("\r"u8)) line = line[..^1];
            position += lineFeed + 1;

            if (line.IsEmpty)
            {
                if (length is not { } n)
                {
                    problem = "a header without Content-Length";
                    return Outcome.Bad;
                }
                (bodyLength, headerLength) = ((int)n, position);
                return Outcome.Complete;
            }

            var colon = line.IndexOf((byte)':');
            var name = colon < 0 ? default : line[..colon].Trim(" \t"u8);
            if (name.IsEmpty || name.ContainsAnyExcept(TokenBytes))
            {
                problem = $"\"{Preview(line)}\" is not a header line";
                return Outcome.Bad;
            }
            if (!Ascii.EqualsIgnoreCase(name, ContentLengthName[..^1])) continue;

            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (value.IsEmpty || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                problem = $"Content-Length \"{Preview(value)}\" is not a byte count";
                return Outcome.Bad;
            }
            if (!Utf8Parser.TryParse(value, out long parsed, out _) || parsed > MaxBodyBytes)
            {
                problem = $"Content-Length {Preview(value)} exceeds the {MaxBodyBytes}-byte limit";
                return Outcome.Bad;
            }
            if (length is { } previous && previous != parsed)
            {
                problem = "two different Content-Length headers";
                return Outcome.Bad;
            }
            length = parsed;
        }
    }

    /// <summary>Where "content-length:" (any case) starts in <paramref name="buffer"/>, or -1; a match cut off at
    /// the end is not found, so callers keep the last <c>ContentLengthName.Length - 1</c> bytes.</summary>
    public static long IndexOfContentLength(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        Span<byte> candidate = stackalloc byte[ContentLengthName.Length];
        while (reader.TryAdvanceToAny("cC"u8, advancePastDelimiter: false))
        {
            if (!reader.TryCopyTo(candidate)) return -1;
            if (Ascii.EqualsIgnoreCase(candidate, ContentLengthName)) return reader.Consumed;
            reader.Advance(1);
        }
        return -1;
    }

    /// <summary>Bytes from the client for a log line: printable ASCII as is, the rest escaped, cut short.</summary>
    public static string Preview(ReadOnlySpan<byte> bytes)
    {
        const int Max = 40;
        var text = new StringBuilder();
        foreach (var b in bytes[..Math.Min(bytes.Length, Max)])
        {
            text.Append(b is >= 0x20 and < 0x7f and not (byte)'"' and not (byte)'\\' ? (char)b : $"\\x{b:x2}");
        }
        return bytes.Length > Max ? text.Append('…').ToString() : text.ToString();
    }
}
