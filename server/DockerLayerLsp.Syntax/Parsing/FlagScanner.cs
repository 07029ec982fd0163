using System.Text;

namespace DockerLayerLsp.Syntax;

/// <summary>
/// Peels builder flags (<c>--name=value</c>) off the front of an instruction's argument text, for every
/// instruction, the way BuildKit's extractBuilderFlags does. BuildKit scans BYTES, so this runs over the UTF-8
/// encoding: a 0x85 or 0xA0 byte counts as white space and each flag byte becomes one Latin-1 character in the
/// dump (see FORMAT.md 6.1). Its escape character is always '\', whatever the escape directive says. Public <see cref="FlagSyntax.Raw"/> values are decoded back to proper text.
/// </summary>
internal static class FlagScanner
{
    public readonly record struct Result(List<FlagSyntax> Flags, List<string> DumpFlags, int RemainderIndex);

    public static Result Scan(MappedText args)
    {
        // BuildKit's flag scanner hard-codes '\' (not the escape directive's character).
        const byte escape = (byte)'\\';
        var (first, isFlag) = FirstWord(args.Text);
        if (!isFlag) return new([], [], first);
        var (bytes, charOfByte) = EncodeWithMap(args.Text);
        var flags = new List<FlagSyntax>();
        var dumpFlags = new List<string>();
        var word = new List<byte>();
        var pos = 0;
        while (true)
        {
            // In "spaces": skip white space, stop unless the next word starts with "--".
            while (pos < bytes.Length && IsByteSpace(bytes[pos])) pos++;
            if (pos >= bytes.Length) return new(flags, dumpFlags, args.Length);
            if (bytes[pos] != '-' || pos + 1 >= bytes.Length || bytes[pos + 1] != '-')
            {
                return new(flags, dumpFlags, CharIndex(charOfByte, pos, args.Length));
            }

            var wordStart = pos;
            word.Clear();
            var blankOk = false;
            byte quote = 0;
            var inQuote = false;
            for (; pos < bytes.Length; pos++)
            {
                var b = bytes[pos];
                if (inQuote)
                {
                    if (b == quote) { inQuote = false; continue; }
                    if (b == escape)
                    {
                        if (pos + 1 == bytes.Length) { inQuote = false; continue; }
                        pos++;
                        b = bytes[pos];
                    }
                    word.Add(b);
                    continue;
                }
                if (IsByteSpace(b)) break;
                if (b is (byte)'\'' or (byte)'"') { quote = b; blankOk = true; inQuote = true; continue; }
                if (b == escape)
                {
                    if (pos + 1 == bytes.Length) continue;
                    pos++;
                    b = bytes[pos];
                }
                word.Add(b);
            }

            var isDoubleDash = word.Count == 2 && word[0] == '-' && word[1] == '-';
            if (isDoubleDash)
            {
                // A bare "--" ends flag parsing and is dropped.
                return new(flags, dumpFlags, pos >= bytes.Length ? args.Length : CharIndex(charOfByte, pos, args.Length));
            }
            if (blankOk || word.Count > 0)
            {
                var startChar = CharIndex(charOfByte, wordStart, args.Length);
                var endChar = pos >= bytes.Length ? args.Length : CharIndex(charOfByte, pos, args.Length);
                flags.Add(CreateFlag(args, word, startChar, endChar));
                dumpFlags.Add(Latin1(word));
            }
        }
    }

    /// <summary>
    /// Index of the first character after leading white space (only ASCII white space counts here: a non-ASCII character's
    /// first UTF-8 byte is never 0x85 or 0xA0), and whether a "--" flag starts there. Most instructions have no flags, so
    /// this spares them the byte-level scan.
    /// </summary>
    private static (int Index, bool IsFlag) FirstWord(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] < 0x80 && IsByteSpace((byte)text[i])) i++;
        return (i, i + 1 < text.Length && text[i] == '-' && text[i + 1] == '-');
    }

    private static FlagSyntax CreateFlag(MappedText args, List<byte> word, int startChar, int endChar)
    {
        var raw = Encoding.UTF8.GetString(word.ToArray());
        var equals = raw.IndexOf('=');
        var name = equals < 0 ? raw[2..] : raw[2..equals];
        var value = equals < 0 ? null : raw[(equals + 1)..];

        // Spans come from the source word; the first '=' in it separates name and value.
        var sourceEquals = args.Text.IndexOf('=', startChar, endChar - startChar);
        var nameStart = Math.Min(startChar + 2, endChar);
        var nameSpan = args.SpanOf(nameStart, sourceEquals < 0 ? endChar : sourceEquals);
        TextSpan? valueSpan = sourceEquals < 0 ? null : args.SpanOf(sourceEquals + 1, endChar);
        return new FlagSyntax(name, value, raw, args.SpanOf(startChar, endChar), nameSpan, valueSpan);
    }

    /// <summary>Go's unicode.IsSpace applied to a single byte taken as a rune (BuildKit's byte loop).</summary>
    internal static bool IsByteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r' or 0x85 or 0xA0;

    private static string Latin1(List<byte> bytes)
    {
        var chars = new char[bytes.Count];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)bytes[i];
        return new string(chars);
    }

    /// <summary>Char index of a byte position; a byte inside a multi-byte character rounds up to the next character.</summary>
    private static int CharIndex(int[] charOfByte, int bytePos, int length)
    {
        if (bytePos >= charOfByte.Length) return length;
        var index = charOfByte[bytePos];
        if (bytePos > 0 && charOfByte[bytePos - 1] == index) index = NextCharStart(charOfByte, bytePos, length);
        return index;
    }

    private static int NextCharStart(int[] charOfByte, int bytePos, int length)
    {
        var current = charOfByte[bytePos];
        while (bytePos < charOfByte.Length && charOfByte[bytePos] == current) bytePos++;
        return bytePos < charOfByte.Length ? charOfByte[bytePos] : length;
    }

    /// <summary>UTF-8 bytes of <paramref name="text"/> and, for each byte, the index of the char it came from (lone surrogates become U+FFFD).</summary>
    internal static (byte[] Bytes, int[] CharOfByte) EncodeWithMap(string text)
    {
        var bytes = new List<byte>(text.Length);
        var map = new List<int>(text.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c < 0x80)
            {
                bytes.Add((byte)c);
                map.Add(i);
                i++;
                continue;
            }
            System.Buffers.OperationStatus status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) { rune = Rune.ReplacementChar; consumed = 1; }
            var written = rune.EncodeToUtf8(buffer);
            for (var k = 0; k < written; k++) { bytes.Add(buffer[k]); map.Add(i); }
            i += consumed;
        }
        return (bytes.ToArray(), map.ToArray());
    }
}
