using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// LSP's base protocol for StreamJsonRpc, in place of its HeaderDelimitedMessageHandler, which rejects
/// lowercase header names and, after one unframed message, reads every later frame from the wrong
/// offset. Frames come from <see cref="FrameReader"/> (resynchronises after garbage); bodies are checked
/// by <see cref="MessageEnvelope"/>: an invalid request with an id is answered Invalid Request (-32600),
/// anything else that is not a message is dropped with a log line (stderr and window/logMessage).
/// </summary>
internal sealed class LspMessageHandler : PipeMessageHandler
{
    /// <summary>A buffer kept for outgoing bodies stops growing here; a larger one is dropped after use.</summary>
    private const int KeptWriteBuffer = 1024 * 1024;

    private readonly FrameReader _frames;
    private readonly Action<string> _log;
    private ArrayBufferWriter<byte> _outgoing = new();

    public LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, Action<string> log)
        // StreamPipeReader reads on demand with no pause threshold, so a body larger than the pipe's
        // default 64 KiB back-pressure limit can be buffered whole while we wait for its end.
        : base(PipeWriter.Create(output), PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024)), formatter)
    {
        _frames = new FrameReader(log);
        _log = log;
    }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (await _frames.ReadAsync(Reader!, cancellationToken).ConfigureAwait(false) is { } body)
        {
            var envelope = MessageEnvelope.Check(body);
            if (envelope.Problem is null)
            {
                try
                {
                    return Formatter.Deserialize(new ReadOnlySequence<byte>(body));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    envelope = envelope with { Problem = e.Message };
                }
            }
            if (envelope.RequestId is { } id) await AnswerInvalidRequestAsync(id, envelope.Problem!, cancellationToken).ConfigureAwait(false);
            else _log($"Dropped a message: {envelope.Problem}");
        }
        return null;
    }

    private async Task AnswerInvalidRequestAsync(RequestId id, string problem, CancellationToken cancellationToken)
    {
        _log($"Answered request {id} with Invalid Request: {problem}");
        var error = new JsonRpcError
        {
            RequestId = id,
            Error = new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InvalidRequest, Message = $"Invalid Request: {problem}" },
        };
        try
        {
            await WriteAsync(error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is closing; there is no one left to answer.
        }
    }

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        // Reader and Writer are only null for one-way handlers; ours is built with both.
        var writer = Writer!;
        Formatter.Serialize(_outgoing, content);
        var header = writer.GetSpan(48);
        "Content-Length: "u8.CopyTo(header);
        Utf8Formatter.TryFormat(_outgoing.WrittenCount, header[16..], out var digits);
        "\r\n\r\n"u8.CopyTo(header[(16 + digits)..]);
        writer.Advance(16 + digits + 4);
        writer.Write(_outgoing.WrittenSpan);
        if (_outgoing.Capacity > KeptWriteBuffer) _outgoing = new ArrayBufferWriter<byte>();
        else _outgoing.ResetWrittenCount();
    }
}
