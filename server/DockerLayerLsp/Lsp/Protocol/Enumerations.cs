namespace DockerLayerLsp.Lsp.Protocol;

// Integer enumerations are C# enums (serialised as numbers); string enumerations are classes of
// constants, because their value sets are open ("kinds" clients may extend).

public enum MessageType { Error = 1, Warning = 2, Info = 3, Log = 4, Debug = 5 }

public enum TextDocumentSyncKind { None = 0, Full = 1, Incremental = 2 }

public enum DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

public enum SymbolKind
{
    File = 1, Module = 2, Namespace = 3, Package = 4, Class = 5, Method = 6, Property = 7, Field = 8,
    Constructor = 9, Enum = 10, Interface = 11, Function = 12, Variable = 13, Constant = 14, String = 15,
    Number = 16, Boolean = 17, Array = 18, Object = 19, Key = 20, Null = 21, EnumMember = 22, Struct = 23,
    Event = 24, Operator = 25, TypeParameter = 26,
}

public enum FileChangeType { Created = 1, Changed = 2, Deleted = 3 }

[Flags]
public enum WatchKind { Create = 1, Change = 2, Delete = 4 }

public enum CodeActionTriggerKind { Invoked = 1, Automatic = 2 }

public static class PositionEncodingKind
{
    public const string UTF8 = "utf-8";
    public const string UTF16 = "utf-16";
    public const string UTF32 = "utf-32";
}

public static class TraceValue
{
    public const string Off = "off";
    public const string Messages = "messages";
    public const string Verbose = "verbose";
}

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

public static class CodeActionKind
{
    public const string Empty = "";
    public const string QuickFix = "quickfix";
    public const string Source = "source";
    public const string SourceFixAll = "source.fixAll";
}

public static class FoldingRangeKind
{
    public const string Comment = "comment";
    public const string Imports = "imports";
    public const string Region = "region";
}

public static class DocumentDiagnosticReportKind
{
    public const string Full = "full";
    public const string Unchanged = "unchanged";
}

public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int UnknownErrorCode = -32001;
}

public static class LSPErrorCodes
{
    public const int RequestFailed = -32803;
    public const int ServerCancelled = -32802;
    public const int ContentModified = -32801;
    public const int RequestCancelled = -32800;
}
