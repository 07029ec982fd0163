using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockerLayerLsp.Server.Tests.Infrastructure;

/// <summary>A JSON-RPC error answer from the server.</summary>
public sealed class LspErrorException(int code, string message) : Exception($"{code}: {message}")
{
    public int Code { get; } = code;
    public string ErrorMessage { get; } = message;
}

/// <summary>One frame of a session, for assertions and for docs/lsp-transcript.md.</summary>
public sealed record TranscriptEntry(TimeSpan At, bool FromClient, string Json);

/// <summary>
/// A small LSP client over a real process's stdio: Content-Length framing, request/response
/// correlation, answers to the server's own requests (configuration, registrations), and a log of
/// every notification received. Deliberately independent of the server's code: it speaks plain JSON.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly List<JsonObject> _notifications = [];
    private readonly List<TranscriptEntry> _transcript = [];
    private readonly StringBuilder _stderr = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _readLoop;
    private TaskCompletionSource _notified = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public ServerCommand Server { get; private init; } = null!;

    /// <summary>What the client answers to <c>workspace/configuration</c> for the <c>dockerlayer</c> section.</summary>
    public JsonObject Settings { get; set; } = new();

    /// <summary>Requests the server sent to the client (method names), in order.</summary>
    public ConcurrentQueue<JsonObject> ServerRequests { get; } = new();

    /// <summary>Set when the server wrote something that is not a valid LSP frame to stdout.</summary>
    public string? ProtocolViolation { get; private set; }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public IReadOnlyList<TranscriptEntry> Transcript { get { lock (_transcript) return [.. _transcript]; } }

    public static LspClient Start(ServerCommand server, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(server.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in server.Arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {server.FileName}");
        return new LspClient(process) { Server = server };
    }

    // ---- High-level helpers ----

    public static JsonObject DefaultCapabilities(bool pullDiagnostics = false, bool resolveCodeActions = false, string[]? positionEncodings = null)
    {
        var textDocument = new JsonObject
        {
            ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true, ["versionSupport"] = true, ["codeDescriptionSupport"] = true, ["dataSupport"] = true },
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            ["documentSymbol"] = new JsonObject { ["hierarchicalDocumentSymbolSupport"] = true },
            ["foldingRange"] = new JsonObject { ["lineFoldingOnly"] = true },
            ["codeAction"] = new JsonObject
            {
                ["codeActionLiteralSupport"] = new JsonObject { ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "source", "source.fixAll") } },
                ["isPreferredSupport"] = true,
                ["dataSupport"] = true,
            },
        };
        if (resolveCodeActions) textDocument["codeAction"]!["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") };
        if (pullDiagnostics) textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false };
        var capabilities = new JsonObject
        {
            ["workspace"] = new JsonObject
            {
                ["configuration"] = true,
                ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
                ["diagnostics"] = new JsonObject { ["refreshSupport"] = true },
            },
            ["textDocument"] = textDocument,
        };
        if (positionEncodings is not null) capabilities["general"] = new JsonObject { ["positionEncodings"] = new JsonArray([.. positionEncodings.Select(e => (JsonNode)e)]) };
        return capabilities;
    }

    /// <summary>initialize + initialized; returns the InitializeResult.</summary>
    public async Task<JsonObject> InitializeAsync(string? rootPath = null, JsonObject? capabilities = null)
    {
        var result = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "dockerlayer-test-client", ["version"] = "1.0" },
            ["rootUri"] = rootPath is null ? null : new Uri(rootPath).AbsoluteUri,
            ["capabilities"] = capabilities ?? DefaultCapabilities(),
        });
        await NotifyAsync("initialized", new JsonObject());
        return result!.AsObject();
    }

    public Task OpenAsync(string uri, string text, int version = 1, string languageId = "dockerfile")
        => NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = version, ["text"] = text },
        });

    public async Task<int> ShutdownAndExitAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit", null);
        return await WaitForExitAsync();
    }

    /// <summary>The diagnostics of the first publish for <paramref name="uri"/> satisfying <paramref name="version"/> (any version when null).</summary>
    public async Task<JsonObject> WaitForDiagnosticsAsync(string uri, int? version = null, TimeSpan? timeout = null)
        => await WaitForNotificationAsync(
            n => (string?)n["method"] == "textDocument/publishDiagnostics"
                 && (string?)n["params"]!["uri"] == uri
                 && (version is null || (int?)n["params"]!["version"] == version),
            timeout);

    public IReadOnlyList<JsonObject> Notifications(string method)
    {
        lock (_notifications) return [.. _notifications.Where(n => (string?)n["method"] == method)];
    }

    public async Task<JsonObject> WaitForNotificationAsync(Func<JsonObject, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Task signal;
            lock (_notifications)
            {
                var found = _notifications.FirstOrDefault(predicate);
                if (found is not null) return found;
                signal = _notified.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || await Task.WhenAny(signal, Task.Delay(remaining)) != signal)
            {
                throw new TimeoutException($"No matching notification. Received:\n{string.Join("\n", Notifications("textDocument/publishDiagnostics").Select(n => n.ToJsonString()))}\nServer stderr:\n{Stderr}");
            }
        }
    }

    // ---- JSON-RPC ----

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan? timeout = null)
    {
        var (id, task) = StartRequest(method, parameters);
        await task.WaitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false);
        _ = id;
        return await task;
    }

    /// <summary>Send a request and return its id and pending answer without waiting (for cancellation tests).</summary>
    public (int Id, Task<JsonNode?> Answer) StartRequest(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null) message["params"] = parameters;
        _ = WriteAsync(message);
        return (id, completion.Task);
    }

    /// <summary>Write hand-made bytes (headers included) carrying a request whose answer is awaited under a fresh id.</summary>
    public Task<JsonNode?> RawRequestAsync(Func<int, byte[]> bytes, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        _ = WriteRawAsync(bytes(id));
        return completion.Task.WaitAsync(timeout ?? DefaultTimeout);
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null) message["params"] = parameters;
        return WriteAsync(message);
    }

    public Task WriteAsync(JsonObject message) => WriteFrameAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));

    /// <summary>Write one Content-Length frame around arbitrary bytes (which need not be valid JSON).</summary>
    public async Task WriteFrameAsync(byte[] body)
    {
        Record(fromClient: true, Encoding.UTF8.GetString(body));
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await WriteRawAsync([.. header, .. body]);
    }

    public async Task WriteRawAsync(byte[] bytes)
    {
        await _writeGate.WaitAsync();
        try
        {
            await _input.WriteAsync(bytes);
            await _input.FlushAsync();
        }
        catch (IOException)
        {
            // The server is gone; the test sees it through the exit code / pending requests.
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ReadFrameAsync() is { } body)
            {
                Record(fromClient: false, body);
                var message = JsonNode.Parse(body)!.AsObject();
                if (message.ContainsKey("method") && message.ContainsKey("id"))
                {
                    ServerRequests.Enqueue(message);
                    await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = AnswerServerRequest(message) });
                }
                else if (message.ContainsKey("method"))
                {
                    lock (_notifications)
                    {
                        _notifications.Add(message);
                        var signal = _notified;
                        _notified = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        signal.SetResult();
                    }
                }
                else if (message["id"] is { } id && _pending.TryRemove((int)id, out var completion))
                {
                    if (message["error"] is JsonObject error) completion.SetException(new LspErrorException((int)error["code"]!, (string?)error["message"] ?? ""));
                    else completion.SetResult(message["result"]?.DeepClone());
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        catch (Exception e)
        {
            ProtocolViolation ??= e.Message;
        }
        foreach (var pending in _pending.Values) pending.TrySetException(new IOException($"Server closed the connection. Stderr:\n{Stderr}"));
    }

    private JsonNode? AnswerServerRequest(JsonObject request) => (string?)request["method"] switch
    {
        "workspace/configuration" => new JsonArray([.. request["params"]!["items"]!.AsArray().Select(item => (JsonNode?)((string?)item!["section"] == "dockerlayer" ? Settings.DeepClone() : null))]),
        _ => null,
    };

    /// <summary>Reads one frame strictly: only Content-Length/Content-Type headers may precede a body.</summary>
    private async Task<string?> ReadFrameAsync()
    {
        int? length = null;
        while (true)
        {
            var line = await ReadHeaderLineAsync();
            if (line is null) return null;
            if (line.Length == 0) break;
            var colon = line.IndexOf(':');
            if (colon < 0) throw new InvalidDataException($"Not an LSP header line on stdout: \"{line}\"");
            var name = line[..colon].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[(colon + 1)..].Trim());
            else if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) throw new InvalidDataException($"Unexpected header on stdout: \"{line}\"");
        }
        if (length is null) throw new InvalidDataException("Frame without Content-Length");
        var buffer = new byte[length.Value];
        await _output.ReadExactlyAsync(buffer);
        return Encoding.UTF8.GetString(buffer);
    }

    private async Task<string?> ReadHeaderLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await _output.ReadAsync(one) == 0) return bytes.Count == 0 ? null : throw new EndOfStreamException();
            if (one[0] == '\n')
            {
                if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
                return Encoding.ASCII.GetString([.. bytes]);
            }
            bytes.Add(one[0]);
        }
    }

    private void Record(bool fromClient, string json)
    {
        lock (_transcript) _transcript.Add(new TranscriptEntry(_clock.Elapsed, fromClient, json));
    }

    /// <summary>Close the server's stdin (the client hangs up) and wait for the exit code.</summary>
    public async Task<int> HangUpAsync()
    {
        _input.Close();
        return await WaitForExitAsync();
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            try { _input.Close(); } catch (Exception e) when (e is IOException or ObjectDisposedException) { }
            if (!_process.WaitForExit(3000)) _process.Kill(entireProcessTree: true);
        }
        try { await _readLoop.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
        _process.Dispose();
    }

    public static string Pretty(string json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
