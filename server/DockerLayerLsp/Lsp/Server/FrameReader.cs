using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace DockerLayerLsp.Lsp.Server;

/// <summary>
/// Cuts the client's byte stream into LSP frames and never gives up on it: bytes that are not a frame
/// are skipped (with one log line) up to the next <c>Content-Length:</c> header, so one broken write
/// from a client costs that message, not the session. Knows nothing of JSON-RPC.
/// </summary>
internal sealed class FrameReader(Action<string> log)
{
    private static readonly int KeepForPartialMatch = FrameHeaders.ContentLengthName.Length - 1;

    /// <summary>Set while a body is awaited: its declared length (the header is consumed).</summary>
    private int? _bodyLength;
    /// <summary>How much of the awaited body was already searched for a next header.</summary>
    private long _bodySearched;
    /// <summary>Set while skipping to the next header: why, for the log line once it is found.</summary>
    private string? _skipReason;
    private long _skipped;

    private readonly record struct Step(SequencePosition Consumed, bool Progress, byte[]? Body = null);

    /// <summary>The next frame's body, or null when the input ends.</summary>
    public async ValueTask<byte[]?> ReadAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var step = _skipReason is not null ? Skip(buffer) : _bodyLength is { } length ? Body(buffer, length) : Header(buffer);
            if (step.Progress)
            {
                // Consumed but not examined: what is left may already hold the next frame.
                reader.AdvanceTo(step.Consumed);
                if (step.Body is not null) return step.Body;
                continue;
            }
            reader.AdvanceTo(step.Consumed, buffer.End);
            if (result.IsCompleted)
            {
                ReportEndOfInput(buffer.Slice(step.Consumed).Length);
                return null;
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private Step Header(ReadOnlySequence<byte> buffer)
    {
        // Blank lines between frames are harmless; some clients end each body with CRLF.
        var blanks = new SequenceReader<byte>(buffer).AdvancePastAny(" \t\r\n"u8);
        if (blanks > 0) return new Step(buffer.GetPosition(blanks), Progress: true);
        if (buffer.IsEmpty) return new Step(buffer.Start, Progress: false);

        var window = Window(buffer, FrameHeaders.MaxHeaderBytes);
        switch (FrameHeaders.Parse(window, out var bodyLength, out var headerLength, out var problem))
        {
            case FrameHeaders.Outcome.Complete:
                (_bodyLength, _bodySearched) = (bodyLength, 0);
                return new Step(buffer.GetPosition(headerLength), Progress: true);
            case FrameHeaders.Outcome.Bad:
                // Skip at least the first byte, so a bad Content-Length header is not found again.
                (_skipReason, _skipped) = (problem, 1);
                return new Step(buffer.GetPosition(1), Progress: true);
            default:
                return new Step(buffer.Start, Progress: false);
        }
    }

    private Step Body(ReadOnlySequence<byte> buffer, int length)
    {
        if (buffer.Length >= length)
        {
            var body = buffer.Slice(0, length);
            // The next header may start inside the declared body and end past it, so search beyond the body.
            if (!IsOneJsonValue(body) && NextHeaderAfterJsonValue(buffer.Slice(0, Math.Min(buffer.Length, length + KeepForPartialMatch)), 0) is { } end && end < length) return CutShort(buffer, length, end);
            _bodyLength = null;
            // A copy the message owns: StreamJsonRpc reads parameters lazily, after the pipe has moved on.
            return new Step(body.End, Progress: true, body.ToArray());
        }
        // A Content-Length longer than the message makes us wait for bytes that belong to the next frames;
        // notice the next header as it arrives rather than when (if ever) the count is reached.
        var from = Math.Max(0, _bodySearched - KeepForPartialMatch);
        _bodySearched = buffer.Length;
        return NextHeaderAfterJsonValue(buffer, from) is { } cut ? CutShort(buffer, length, cut) : new Step(buffer.Start, Progress: false);
    }

    /// <summary>The declared length ran past a complete JSON value and into the next header: the value is the
    /// message (it is unambiguous, and dropping a didChange would desynchronise the document).</summary>
    private Step CutShort(ReadOnlySequence<byte> buffer, int declared, long end)
    {
        log($"Content-Length {declared} is longer than the message ({end} bytes, followed by the next header); read it as {end} bytes");
        _bodyLength = null;
        return new Step(buffer.GetPosition(end), Progress: true, buffer.Slice(0, end).ToArray());
    }

    private Step Skip(ReadOnlySequence<byte> buffer)
    {
        var found = FrameHeaders.IndexOfContentLength(buffer);
        if (found < 0)
        {
            var skip = Math.Max(0, buffer.Length - KeepForPartialMatch);
            _skipped += skip;
            return new Step(buffer.GetPosition(skip), Progress: false);
        }
        log($"Skipped {_skipped + found} bytes that are not an LSP frame ({_skipReason}); resynchronised on the next Content-Length header");
        _skipReason = null;
        return new Step(buffer.GetPosition(found), Progress: true);
    }

    private void ReportEndOfInput(long leftOver)
    {
        if (_skipReason is not null) log($"Skipped {_skipped + leftOver} bytes that are not an LSP frame ({_skipReason}) before the input ended");
        else if (_bodyLength is { } length) log($"The input ended inside a frame: Content-Length {length}, {leftOver} bytes sent");
        else if (leftOver > 0) log($"The input ended inside a frame's header ({leftOver} bytes)");
    }

    /// <summary>Where "content-length:" starts at or after <paramref name="from"/>, if everything before it is
    /// one complete JSON value and white space (a JSON string may well contain "Content-Length:").</summary>
    private static long? NextHeaderAfterJsonValue(ReadOnlySequence<byte> body, long from)
    {
        while (from < body.Length)
        {
            var found = FrameHeaders.IndexOfContentLength(body.Slice(from));
            if (found < 0) return null;
            var end = from + found;
            if (IsOneJsonValue(body.Slice(0, end))) return end;
            from = end + 1;
        }
        return null;
    }

    private static bool IsOneJsonValue(ReadOnlySequence<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        try
        {
            if (!reader.Read()) return false;
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The first bytes of <paramref name="buffer"/> as one span (copied only when they straddle segments).</summary>
    private static ReadOnlySpan<byte> Window(ReadOnlySequence<byte> buffer, int max)
    {
        var length = (int)Math.Min(buffer.Length, max);
        return buffer.FirstSpan.Length >= length ? buffer.FirstSpan[..length] : buffer.Slice(0, length).ToArray();
    }
}
