namespace DockerLayerLsp.Syntax;

/// <summary>How BuildKit's parser turns an instruction's argument text into values (its dispatch table).</summary>
internal enum ArgumentRule
{
    WhitespaceList,  // FROM, EXPOSE
    JsonOrList,      // COPY, ADD, VOLUME
    JsonOrText,      // RUN, CMD, ENTRYPOINT, SHELL
    NameValue,       // ENV, LABEL
    NameOrNameValue, // ARG
    Text,            // MAINTAINER, USER, WORKDIR, STOPSIGNAL
    HealthConfig,    // HEALTHCHECK
    SubCommand,      // ONBUILD
    Ignore,          // anything else
}

/// <summary>One declarative row per instruction keyword: its kind, argument rule and whether it may carry heredocs.</summary>
internal static class InstructionTable
{
    public readonly record struct Entry(InstructionKind Kind, ArgumentRule Rule, bool CanContainHeredoc);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["from"] = new(InstructionKind.From, ArgumentRule.WhitespaceList, false),
        ["expose"] = new(InstructionKind.Expose, ArgumentRule.WhitespaceList, false),
        ["copy"] = new(InstructionKind.Copy, ArgumentRule.JsonOrList, true),
        ["add"] = new(InstructionKind.Add, ArgumentRule.JsonOrList, true),
        ["volume"] = new(InstructionKind.Volume, ArgumentRule.JsonOrList, false),
        ["run"] = new(InstructionKind.Run, ArgumentRule.JsonOrText, true),
        ["cmd"] = new(InstructionKind.Cmd, ArgumentRule.JsonOrText, false),
        ["entrypoint"] = new(InstructionKind.Entrypoint, ArgumentRule.JsonOrText, false),
        ["shell"] = new(InstructionKind.Shell, ArgumentRule.JsonOrText, false),
        ["env"] = new(InstructionKind.Env, ArgumentRule.NameValue, false),
        ["label"] = new(InstructionKind.Label, ArgumentRule.NameValue, false),
        ["arg"] = new(InstructionKind.Arg, ArgumentRule.NameOrNameValue, false),
        ["maintainer"] = new(InstructionKind.Maintainer, ArgumentRule.Text, false),
        ["user"] = new(InstructionKind.User, ArgumentRule.Text, false),
        ["workdir"] = new(InstructionKind.Workdir, ArgumentRule.Text, false),
        ["stopsignal"] = new(InstructionKind.Stopsignal, ArgumentRule.Text, false),
        ["healthcheck"] = new(InstructionKind.Healthcheck, ArgumentRule.HealthConfig, false),
        ["onbuild"] = new(InstructionKind.Onbuild, ArgumentRule.SubCommand, false),
    };

    /// <summary>Upper- and lower-case spellings of every keyword: the tree keeps one instance of each, not one per instruction.</summary>
    private static readonly string[] Spellings = [.. Entries.Keys, .. Entries.Keys.Select(k => k.ToUpperInvariant())];

    /// <summary><paramref name="text"/>[..<paramref name="length"/>], as a shared instance when it is a keyword in one case.</summary>
    public static string Intern(string text, int length)
    {
        var word = text.AsSpan(0, length);
        foreach (var spelling in Spellings)
        {
            if (word.SequenceEqual(spelling)) return spelling;
        }
        return word.ToString();
    }

    public static Entry Lookup(string keyword) =>
        Entries.TryGetValue(keyword.ToLowerInvariant(), out var entry) ? entry : new(InstructionKind.Unknown, ArgumentRule.Ignore, false);
}
