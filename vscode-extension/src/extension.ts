// The DockerLayer extension: starts `dockerlayer server` and connects VS Code to it.
// Diagnostics, hovers, quick fixes and fix-all all come from the server; this file only finds the
// executable, starts and restarts it, and says clearly when it cannot.

import type { ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Executable,
  type LanguageClientOptions,
  type Message,
  type MessageTransports,
  RevealOutputChannelOn,
} from 'vscode-languageclient/node';
import {
  describeStartFailure,
  findUnrunnableReason,
  resolveServerExecutable,
  settled,
  type ServerExecutable,
} from './server';

const SETTINGS_SECTION = 'dockerlayer';
const SERVER_PATH_SETTING = `${SETTINGS_SECTION}.server.path`;

let session: ServerSession | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('DockerLayer', { log: true });
  session = new ServerSession(context, output);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('dockerlayer.restartServer', () => session?.restart()),
    vscode.commands.registerCommand('dockerlayer.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SERVER_PATH_SETTING)) {
        void session?.restart();
      }
    }),
  );
  // Not awaited: activation does not wait on the server, and a failed start reports itself.
  void session.start();
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = undefined;
}

/** One running (or failed) server and the client connected to it. */
class ServerSession {
  private client: DockerLayerClient | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  async start(): Promise<void> {
    const executable = resolveServerExecutable(
      vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('server.path', ''),
      this.context.extensionPath,
      vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    );
    this.output.info(`Starting ${executable.path} server (${executable.origin}).`);
    const unrunnable = await findUnrunnableReason(executable);
    if (unrunnable !== undefined) {
      this.reportStartFailure(unrunnable, executable);
      return;
    }

    const stderrTail: string[] = [];
    const client = new DockerLayerClient(executable, this.output, stderrTail);
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      this.client = undefined;
      const process = client.startedProcess;
      await settled(process, 1000);
      await client.dispose().catch(() => undefined);
      this.reportStartFailure(describeStartFailure(error, process, stderrTail), executable);
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      await client.dispose().catch((error: unknown) => this.output.error(`Stopping the server failed: ${String(error)}`));
    }
  }

  /** The single notification a user gets when the server cannot start. */
  private reportStartFailure(reason: string, executable: ServerExecutable): void {
    const message = `DockerLayer: the language server could not start. ${reason}`;
    this.output.error(message);
    const showOutput = 'Show output';
    const openSettings = 'Open settings';
    void vscode.window.showErrorMessage(message, showOutput, openSettings).then((choice) => {
      if (choice === showOutput) {
        this.output.show(true);
      } else if (choice === openSettings) {
        void vscode.commands.executeCommand('workbench.action.openSettings', SERVER_PATH_SETTING);
      }
    });
    if (executable.origin === 'bundled') {
      this.output.info(`Set ${SERVER_PATH_SETTING} to use another dockerlayer executable.`);
    }
  }
}

/**
 * The language client, except that a failed start is not announced by the library: the extension
 * reports it once, with its reason (the library would add a second, vaguer notification).
 * Crashes after a successful start keep the library's restart policy and its message.
 */
class DockerLayerClient extends LanguageClient {
  private starting = false;
  private readonly errorPolicy: StartAwareErrorHandler;

  constructor(executable: ServerExecutable, output: vscode.LogOutputChannel, stderrTail: string[]) {
    const run: Executable = { command: executable.path, args: ['server'] };
    const errorPolicy = new StartAwareErrorHandler();
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'dockerfile' },
        { scheme: 'untitled', language: 'dockerfile' },
      ],
      synchronize: { configurationSection: SETTINGS_SECTION },
      outputChannel: output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: errorPolicy,
      stdioOptions: {
        stdout: () => undefined, // stdout carries LSP frames only; the library reads it
        stderr: (input, channel) => {
          input.setEncoding('utf8');
          input.on('data', (chunk: string) => {
            for (const line of chunk.split(/\r?\n/)) {
              if (line.length === 0) continue;
              logServerLine(channel, line);
              stderrTail.push(line);
              if (stderrTail.length > 5) stderrTail.shift();
            }
          });
        },
      },
    };
    super(SETTINGS_SECTION, 'DockerLayer', { run, debug: run }, clientOptions);
    errorPolicy.crashPolicy = this.createDefaultErrorHandler(4);
    this.errorPolicy = errorPolicy;
  }

  override async start(): Promise<void> {
    this.starting = true;
    try {
      await super.start();
      this.errorPolicy.hasRun = true;
    } finally {
      this.starting = false;
    }
  }

  /** The process of the latest start, kept after the library lets go of it: its exit code explains a failed start. */
  get startedProcess(): ChildProcess | undefined {
    return this.latestProcess;
  }

  private latestProcess: ChildProcess | undefined;

  protected override async createMessageTransports(encoding: string): Promise<MessageTransports> {
    const transports = await super.createMessageTransports(encoding);
    this.latestProcess = this.serverProcess;
    return transports;
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.starting ? false : showNotification);
  }
}

/** The library's restart policy, but only once the server has run: one that never came up is reported, not retried. */
class StartAwareErrorHandler implements ErrorHandler {
  hasRun = false;
  crashPolicy: ErrorHandler | undefined;

  error(error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult | Promise<ErrorHandlerResult> {
    return this.crashPolicy?.error(error, message, count) ?? { action: ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult | Promise<CloseHandlerResult> {
    if (this.hasRun && this.crashPolicy !== undefined) {
      return this.crashPolicy.closed();
    }
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

/**
 * The server writes `[HH:mm:ss.fff level] message` to stderr; the channel stamps its own time, so
 * only the level is kept, and trace lines stay hidden until the user raises the channel's log level.
 * Anything else on stderr (a runtime crash) is an error.
 */
function logServerLine(channel: vscode.LogOutputChannel, line: string): void {
  const match = /^\[\d\d:\d\d:\d\d\.\d+ (\w+)\] (.*)$/.exec(line);
  const message = match?.[2] ?? line;
  switch (match?.[1]) {
    case 'trace': channel.trace(message); break;
    case 'log': channel.debug(message); break;
    case 'info': channel.info(message); break;
    case 'warning': channel.warn(message); break;
    default: channel.error(message); break;
  }
}
