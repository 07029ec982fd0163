using System.Collections.Immutable;
using System.Text;

namespace DockerLayerLsp.Analysis.Model;

/// <summary>
/// Expands <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c> and <c>${VAR:+alt}</c> the way BuildKit does
/// for COPY, WORKDIR, ENV and friends. Unknown variables expand to "" like in BuildKit, but the caller
/// learns that something was unknown so it can avoid conclusions that depend on it.
/// </summary>
public static class VariableExpander
{
    public static string Expand(string text, ImmutableDictionary<string, VariableValue> variables, char escape, out bool usedUnknown)
    {
        usedUnknown = false;
        if (!text.Contains('$')) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == escape && i + 1 < text.Length && text[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }
            if (c != '$' || i + 1 >= text.Length)
            {
                result.Append(c);
                continue;
            }
            if (text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0) { result.Append(text, i, text.Length - i); break; }
                result.Append(ExpandBraced(text[(i + 2)..close], variables, escape, ref usedUnknown));
                i = close;
                continue;
            }
            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) end++;
            if (end == i + 1) { result.Append(c); continue; }
            result.Append(Lookup(text[(i + 1)..end], variables, ref usedUnknown) ?? "");
            i = end - 1;
        }
        return result.ToString();
    }

    private static string ExpandBraced(string body, ImmutableDictionary<string, VariableValue> variables, char escape, ref bool usedUnknown)
    {
        var nameEnd = 0;
        while (nameEnd < body.Length && (char.IsAsciiLetterOrDigit(body[nameEnd]) || body[nameEnd] == '_')) nameEnd++;
        var name = body[..nameEnd];
        var modifier = body[nameEnd..];
        var known = variables.TryGetValue(name, out var variable) && variable.Value is not null;
        var value = known ? variable!.Value! : "";
        if (modifier.StartsWith(":-", StringComparison.Ordinal) || modifier.StartsWith('-'))
        {
            var fallback = modifier[(modifier.StartsWith(':') ? 2 : 1)..];
            return known && value.Length > 0 ? value : Expand(fallback, variables, escape, out _);
        }
        if (modifier.StartsWith(":+", StringComparison.Ordinal) || modifier.StartsWith('+'))
        {
            var alternative = modifier[(modifier.StartsWith(':') ? 2 : 1)..];
            if (!variables.ContainsKey(name)) usedUnknown = true;
            return known && value.Length > 0 ? Expand(alternative, variables, escape, out _) : "";
        }
        if (!known) usedUnknown = true;
        return value;
    }

    private static string? Lookup(string name, ImmutableDictionary<string, VariableValue> variables, ref bool usedUnknown)
    {
        if (variables.TryGetValue(name, out var variable) && variable.Value is not null) return variable.Value;
        usedUnknown = true;
        return null;
    }
}
