using System.Text.Json;
using System.Text.Unicode;
using StreamJsonRpc;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// Checks a frame's body against JSON-RPC 2.0's message shapes before StreamJsonRpc sees it (its
/// formatter accepts "jsonrpc":"1.0" and non-structured params, and fails on a non-string method
/// without answering). <see cref="Problem"/> is null for a message to dispatch; otherwise
/// <see cref="RequestId"/>, when known, is the request to answer with Invalid Request.
/// </summary>
internal readonly record struct MessageEnvelope(string? Problem, RequestId? RequestId)
{
    public static MessageEnvelope Check(ReadOnlySpan<byte> body)
    {
        // Checked up front: System.Text.Json only notices bad UTF-8 when it decodes the string holding it.
        if (!Utf8.IsValid(body)) return new("the body is not UTF-8", null);
        if (body.Trim(" \t\r\n"u8).IsEmpty) return new("the body is empty", null);
        var fields = new Fields();
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray) return new("the body is a JSON array (a JSON-RPC batch; LSP has none)", null);
            if (reader.TokenType != JsonTokenType.StartObject) return new("the body is not a JSON object", null);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var member = Fields.MemberOf(ref reader);
                reader.Read();
                fields.Read(member, ref reader);
                reader.Skip();
            }
            if (reader.Read()) return new("the body is not JSON (more after the object)", null);
        }
        catch (JsonException e)
        {
            return new($"the body is not JSON ({e.Message})", null);
        }
        return fields.Check();
    }

    /// <summary>The top-level members that decide what kind of message this is.</summary>
    private struct Fields
    {
        private JsonTokenType? _version, _method, _params;
        private bool _versionIs20, _hasId, _idIsValid, _hasResult, _hasError;
        private RequestId? _id;

        public enum Member { Other, JsonRpc, Id, Method, Params, Result, Error }

        public static Member MemberOf(ref Utf8JsonReader name)
            => name.ValueTextEquals("jsonrpc"u8) ? Member.JsonRpc
             : name.ValueTextEquals("id"u8) ? Member.Id
             : name.ValueTextEquals("method"u8) ? Member.Method
             : name.ValueTextEquals("params"u8) ? Member.Params
             : name.ValueTextEquals("result"u8) ? Member.Result
             : name.ValueTextEquals("error"u8) ? Member.Error
             : Member.Other;

        public void Read(Member member, ref Utf8JsonReader value)
        {
            switch (member)
            {
                case Member.JsonRpc:
                    _version = value.TokenType;
                    _versionIs20 = value.TokenType == JsonTokenType.String && value.ValueTextEquals("2.0"u8);
                    break;
                case Member.Id:
                    _hasId = true;
                    (_idIsValid, _id) = value.TokenType switch
                    {
                        JsonTokenType.Number when value.TryGetInt64(out var number) => (true, new RequestId(number)),
                        JsonTokenType.String => (true, new RequestId(value.GetString())),
                        JsonTokenType.Null => (true, (RequestId?)null),
                        _ => (false, null),
                    };
                    break;
                case Member.Method: _method = value.TokenType; break;
                case Member.Params: _params = value.TokenType; break;
                case Member.Result: _hasResult = true; break;
                case Member.Error: _hasError = true; break;
            }
        }

        public readonly MessageEnvelope Check()
        {
            if (_hasId && !_idIsValid) return new("\"id\" must be a string, an integer or null", null);
            if (_method is null)
            {
                // A response. Its "jsonrpc" is not checked: dropping it would leave our own request waiting forever.
                if (_hasResult && _hasError) return new("a response with both a result and an error", null);
                if (_hasResult || _hasError) return _hasId ? new(null, null) : new("a response without an id", null);
                return new("neither a method nor a result or an error", _id);
            }
            if (_method != JsonTokenType.String) return new("\"method\" must be a string", _id);
            if (!_versionIs20) return new(_version is null ? "\"jsonrpc\" must be \"2.0\" (it is missing)" : "\"jsonrpc\" must be \"2.0\"", _id);
            // Null params are tolerated: some clients send them for requests without parameters.
            if (_params is not (null or JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null))
            {
                return new("\"params\" must be an object or an array", _id);
            }
            return new(null, _id);
        }
    }
}
