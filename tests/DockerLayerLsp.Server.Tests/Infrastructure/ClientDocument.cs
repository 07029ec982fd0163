using System.Text;
using System.Text.Json.Nodes;

namespace DockerLayerLsp.Server.Tests.Infrastructure;

/// <summary>
/// The client's copy of a document, kept the way an editor keeps it: edits are applied here, then
/// sent to the server as didChange. Independent of the server's SourceText so the two can be compared.
/// </summary>
public sealed class ClientDocument(string uri, string text, bool utf8Positions = false)
{
    public string Uri { get; } = uri;
    public string Text { get; private set; } = text;
    public int Version { get; private set; } = 1;

    /// <summary>Apply a workspace edit's simultaneous TextEdits (ranges refer to the text before any of them).</summary>
    public void ApplyEdits(JsonArray edits)
    {
        var resolved = edits
            .Select(edit => (Start: Offset(edit!["range"]!["start"]!), End: Offset(edit["range"]!["end"]!), NewText: (string)edit["newText"]!))
            .OrderByDescending(edit => edit.Start)
            .ToList();
        foreach (var (start, end, newText) in resolved) Text = Text[..start] + newText + Text[end..];
    }

    /// <summary>Replace [start, end) (UTF-16 offsets) with <paramref name="newText"/>; returns the didChange params for it.</summary>
    public JsonObject Change(int start, int end, string newText)
    {
        var range = new JsonObject { ["start"] = Position(start), ["end"] = Position(end) };
        Text = Text[..start] + newText + Text[end..];
        Version++;
        return DidChange(new JsonObject { ["range"] = range, ["text"] = newText });
    }

    /// <summary>didChange params replacing the whole text.</summary>
    public JsonObject ReplaceAll(string newText)
    {
        Text = newText;
        Version++;
        return DidChange(new JsonObject { ["text"] = newText });
    }

    private JsonObject DidChange(JsonObject change) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = Version },
        ["contentChanges"] = new JsonArray(change),
    };

    public JsonObject Position(int offset)
    {
        var lineStart = 0;
        var line = 0;
        for (var i = 0; i < offset; i++)
        {
            if (Text[i] == '\r' && i + 1 < Text.Length && Text[i + 1] == '\n' && i + 1 < offset) continue;
            if (Text[i] is '\n' or '\r') { line++; lineStart = i + 1; }
        }
        var character = utf8Positions ? Encoding.UTF8.GetByteCount(Text.AsSpan(lineStart, offset - lineStart)) : offset - lineStart;
        return new JsonObject { ["line"] = line, ["character"] = character };
    }

    public int Offset(JsonNode position)
    {
        var line = (int)position["line"]!;
        var character = (int)position["character"]!;
        var offset = 0;
        for (var current = 0; current < line && offset < Text.Length; offset++)
        {
            if (Text[offset] == '\r' && offset + 1 < Text.Length && Text[offset + 1] == '\n') offset++;
            if (Text[offset] is '\n' or '\r') current++;
        }
        if (!utf8Positions) return offset + character;
        var bytes = 0;
        while (bytes < character && offset < Text.Length && Text[offset] is not ('\n' or '\r'))
        {
            bytes += Encoding.UTF8.GetByteCount(Text.AsSpan(offset, char.IsHighSurrogate(Text[offset]) ? 2 : 1));
            offset += char.IsHighSurrogate(Text[offset]) ? 2 : 1;
        }
        return offset;
    }

    /// <summary>The position of the first occurrence of <paramref name="needle"/> (plus <paramref name="delta"/> characters).</summary>
    public JsonObject PositionOf(string needle, int delta = 0)
    {
        var index = Text.IndexOf(needle, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException($"\"{needle}\" not in the document");
        return Position(index + delta);
    }
}
