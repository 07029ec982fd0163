namespace DockerLayerLsp.Syntax;

/// <summary>
/// Turns one logical line into <see cref="InstructionData"/> (BuildKit's newNodeFromLine): command word, flags
/// peeled off for every instruction, then the instruction's argument rule. Never throws; BuildKit's fatal
/// errors become diagnostics and parsing carries on with whatever could be understood.
/// </summary>
internal static class InstructionParser
{
    public static InstructionData Parse(MappedText line, char escape)
    {
        var diagnostics = new List<SyntaxDiagnostic>();
        var trimmed = line.TrimSpace();
        var commandEnd = GoText.FindSplitSpace(trimmed.Text, 0);
        var keyword = InstructionTable.Intern(trimmed.Text, commandEnd);
        var keywordSpan = trimmed.SpanOf(0, commandEnd);
        var entry = InstructionTable.Lookup(keyword);

        IReadOnlyList<FlagSyntax> flags = [];
        IReadOnlyList<string> dumpFlags = [];
        MappedText arguments;
        if (commandEnd < trimmed.Length)
        {
            var rest = trimmed.Slice(GoText.SkipSplitSpace(trimmed.Text, commandEnd));
            var scan = FlagScanner.Scan(rest);
            // Few instructions have flags; the tree keeps these lists, so an empty one is the shared empty array.
            if (scan.Flags.Count > 0) flags = scan.Flags;
            if (scan.DumpFlags.Count > 0) dumpFlags = scan.DumpFlags;
            arguments = rest.Slice(scan.RemainderIndex).TrimSpace();
        }
        else
        {
            arguments = trimmed.Slice(commandEnd);
        }

        var values = ParseArguments(entry, arguments, escape, diagnostics);
        if (entry.Kind == InstructionKind.Unknown)
        {
            diagnostics.Add(SyntaxDiagnosticDescriptor.UnknownInstruction.Create(keywordSpan.IsEmpty ? trimmed.SpanOf(0, trimmed.Length) : keywordSpan, keyword));
        }

        var data = new InstructionData
        {
            Kind = entry.Kind,
            Keyword = keyword,
            KeywordSpan = keywordSpan,
            Flags = flags,
            DumpFlags = dumpFlags,
            Form = values.Form,
            Arguments = arguments,
            ExecArguments = values.Exec,
            KeyValues = values.KeyValues,
            DumpValues = values.DumpValues,
            Nested = values.Nested,
            SpanEnd = line.Length == 0 ? line.OffsetAt(0) : line.SpanOf(0, line.Length).End,
        };
        foreach (var diagnostic in diagnostics) data.AddDiagnostic(diagnostic);
        return data;
    }

    private sealed record ParsedArguments(
        ArgumentForm Form,
        IReadOnlyList<string> DumpValues,
        IReadOnlyList<ExecArgument>? Exec = null,
        IReadOnlyList<KeyValueSyntax>? KeyValues = null,
        InstructionData? Nested = null)
    {
        public IReadOnlyList<KeyValueSyntax> KeyValues { get; init; } = KeyValues ?? [];
    }

    private static readonly ParsedArguments NoArguments = new(ArgumentForm.None, []);

    private static ParsedArguments ParseArguments(InstructionTable.Entry entry, MappedText args, char escape, List<SyntaxDiagnostic> diagnostics)
    {
        if (entry.Rule == ArgumentRule.Ignore) return new(args.Length == 0 ? ArgumentForm.None : ArgumentForm.Shell, [""]);
        if (args.Length == 0) return NoArguments;
        return entry.Rule switch
        {
            ArgumentRule.WhitespaceList => new(ArgumentForm.Shell, SplitOnWhitespace(args.Text)),
            ArgumentRule.JsonOrList => ParseJsonOr(args, diagnostics, text => SplitOnWhitespace(text)),
            ArgumentRule.JsonOrText => ParseJsonOr(args, diagnostics, text => [text]),
            ArgumentRule.NameValue => ParseNameValue(args, entry.Kind == InstructionKind.Label ? "LABEL" : "ENV", escape, diagnostics),
            ArgumentRule.NameOrNameValue => ParseNameOrNameValue(args, escape),
            ArgumentRule.Text => new(ArgumentForm.Shell, [args.Text]),
            ArgumentRule.HealthConfig => ParseHealthConfig(args, diagnostics),
            ArgumentRule.SubCommand => new(ArgumentForm.Shell, [], Nested: Parse(args, escape)),
            _ => NoArguments,
        };
    }

    /// <summary>Go's regexp `[\t\v\f\r ]+` Split; the text is already trimmed, so no part is empty.</summary>
    private static List<string> SplitOnWhitespace(string text)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var end = GoText.FindSplitSpace(text, i);
            parts.Add(text[i..end]);
            i = GoText.SkipSplitSpace(text, end);
        }
        return parts;
    }

    private static ParsedArguments ParseJsonOr(MappedText args, List<SyntaxDiagnostic> diagnostics, Func<string, List<string>> fallback)
    {
        var elements = JsonArrayParser.TryParse(args.Text);
        if (elements is null) return new(ArgumentForm.Shell, fallback(args.Text));

        var values = new List<string>();
        var exec = new List<ExecArgument>();
        foreach (var element in elements)
        {
            var span = args.SpanOf(element.Start, element.End);
            if (element.Value is null)
            {
                diagnostics.Add(SyntaxDiagnosticDescriptor.JsonArrayNotStrings.Create(span));
                continue;
            }
            values.Add(element.Value);
            exec.Add(new ExecArgument(element.Value, span));
        }
        return new(ArgumentForm.Exec, values, exec);
    }

    private static ParsedArguments ParseNameValue(MappedText args, string instruction, char escape, List<SyntaxDiagnostic> diagnostics)
    {
        var words = BuildKitWords.Split(args.Text, escape);
        if (words.Count == 0) return NoArguments;

        if (!words[0].Text.Contains('='))
        {
            // Legacy "ENV key value": the value is the rest of the text, verbatim.
            var keyEnd = GoText.FindSplitSpace(args.Text, 0);
            var key = args.Text[..keyEnd];
            var keySpan = args.SpanOf(0, keyEnd);
            if (keyEnd >= args.Length)
            {
                diagnostics.Add(SyntaxDiagnosticDescriptor.MissingKeyValueArguments.Create(args.SpanOf(0, args.Length), instruction));
                return new(ArgumentForm.Shell, [key], KeyValues: [new KeyValueSyntax(key, null, null, false, keySpan, keySpan, null)]);
            }
            var valueStart = GoText.SkipSplitSpace(args.Text, keyEnd);
            var value = args.Text[valueStart..];
            var pair = new KeyValueSyntax(key, value, ShellLexer.Unquote(value, escape), false,
                args.SpanOf(0, args.Length), keySpan, args.SpanOf(valueStart, args.Length));
            return new(ArgumentForm.Shell, [key, value, ""], KeyValues: [pair]);
        }

        var values = new List<string>();
        var pairs = new List<KeyValueSyntax>();
        foreach (var word in words)
        {
            var equals = word.Text.IndexOf('=');
            if (equals < 0)
            {
                diagnostics.Add(SyntaxDiagnosticDescriptor.MissingEquals.Create(args.SpanOf(word.Start, word.End), GoQuote.Quote(word.Text)));
                var span = args.SpanOf(word.Start, word.End);
                pairs.Add(new KeyValueSyntax(word.Text, null, null, false, span, span, null));
                continue;
            }
            var pair = CreatePair(args, word, equals, escape);
            pairs.Add(pair);
            values.Add(pair.Key);
            values.Add(pair.Value!);
            values.Add("=");
        }
        return new(ArgumentForm.Shell, values, KeyValues: pairs);
    }

    private static ParsedArguments ParseNameOrNameValue(MappedText args, char escape)
    {
        var words = BuildKitWords.Split(args.Text, escape);
        var values = new List<string>();
        var pairs = new List<KeyValueSyntax>();
        foreach (var word in words)
        {
            values.Add(word.Text);
            var equals = word.Text.IndexOf('=');
            if (equals < 0)
            {
                var span = args.SpanOf(word.Start, word.End);
                pairs.Add(new KeyValueSyntax(word.Text, null, null, false, span, span, null));
            }
            else
            {
                pairs.Add(CreatePair(args, word, equals, escape));
            }
        }
        return new(values.Count == 0 ? ArgumentForm.None : ArgumentForm.Shell, values, KeyValues: pairs);
    }

    private static KeyValueSyntax CreatePair(MappedText args, BuildKitWords.Word word, int equalsInWord, char escape)
    {
        var key = word.Text[..equalsInWord];
        var value = word.Text[(equalsInWord + 1)..];
        // The word keeps every source character up to its '=' (only a final escape can be dropped), so the index carries over.
        var equalsInText = word.Start + equalsInWord;
        return new KeyValueSyntax(key, value, ShellLexer.Unquote(value, escape), true,
            args.SpanOf(word.Start, word.End), args.SpanOf(word.Start, equalsInText), args.SpanOf(equalsInText + 1, word.End));
    }

    /// <summary>HEALTHCHECK: first token (cut at a byte-wise white space, BuildKit scans bytes) then CMD-style arguments.</summary>
    private static ParsedArguments ParseHealthConfig(MappedText args, List<SyntaxDiagnostic> diagnostics)
    {
        var (bytes, charOfByte) = FlagScanner.EncodeWithMap(args.Text);
        var sep = 0;
        while (sep < bytes.Length && !FlagScanner.IsByteSpace(bytes[sep])) sep++;
        var next = sep;
        while (next < bytes.Length && FlagScanner.IsByteSpace(bytes[next])) next++;
        if (sep == 0) return NoArguments;
        var sepChar = sep >= bytes.Length ? args.Length : charOfByte[sep];
        var nextChar = next >= bytes.Length ? args.Length : charOfByte[next];
        if (nextChar < sepChar) nextChar = sepChar;
        var type = args.Text[..sepChar];
        var command = args.Slice(nextChar);
        if (command.Length == 0) return new(ArgumentForm.Shell, [type]);
        var parsed = ParseJsonOr(command, diagnostics, text => [text]);
        return parsed with { DumpValues = [type, .. parsed.DumpValues] };
    }
}
