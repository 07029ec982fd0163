// Where the `dockerlayer` executable is, and why it could not run: the words a user reads when
// the server does not start. No VS Code API here, so the rules stay plain functions.

import type { ChildProcess } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ServerExecutable {
  readonly path: string;
  /** `bundled`: shipped in the platform-specific .vsix; `setting`: dockerlayer.server.path. */
  readonly origin: 'bundled' | 'setting';
}

const EXECUTABLE_NAME = process.platform === 'win32' ? 'dockerlayer.exe' : 'dockerlayer';

/**
 * The configured path when set (`~` expanded, relative paths against the first workspace folder),
 * otherwise the server bundled at `<extension>/server/dockerlayer`.
 */
export function resolveServerExecutable(
  configuredPath: string,
  extensionPath: string,
  workspaceFolder: string | undefined,
): ServerExecutable {
  const configured = configuredPath.trim();
  if (configured.length === 0) {
    return { path: path.join(extensionPath, 'server', EXECUTABLE_NAME), origin: 'bundled' };
  }
  const expanded = configured === '~' || configured.startsWith('~/')
    ? path.join(os.homedir(), configured.slice(1))
    : configured;
  const absolute = path.isAbsolute(expanded) || workspaceFolder === undefined
    ? path.resolve(expanded)
    : path.resolve(workspaceFolder, expanded);
  return { path: absolute, origin: 'setting' };
}

/** Why the executable cannot be started, checked before trying; undefined when it looks runnable. */
export async function findUnrunnableReason(executable: ServerExecutable): Promise<string | undefined> {
  const where = executable.origin === 'setting'
    ? `dockerlayer.server.path points at ${executable.path}`
    : `The bundled server ${executable.path}`;
  let isFile: boolean;
  try {
    isFile = (await stat(executable.path)).isFile();
  } catch {
    return executable.origin === 'setting'
      ? `${where}, which does not exist.`
      : `${where} is missing: this build of the extension ships no server for ${process.platform}-${process.arch}. ` +
        'Install the .vsix for your platform, or set dockerlayer.server.path to a dockerlayer executable.';
  }
  if (!isFile) {
    return `${where}, which is not a file.`;
  }
  if (process.platform !== 'win32') {
    try {
      await access(executable.path, fsConstants.X_OK);
    } catch {
      return `${where}, which is not executable (chmod +x it).`;
    }
  }
  return undefined;
}

/**
 * A start failure in a sentence: how the server process ended (if it did) or the library's error,
 * then the server's last stderr lines.
 */
export function describeStartFailure(
  error: unknown,
  serverProcess: ChildProcess | undefined,
  stderrTail: readonly string[],
): string {
  const parts: string[] = [];
  if (serverProcess?.exitCode !== null && serverProcess?.exitCode !== undefined) {
    parts.push(`The server exited with code ${serverProcess.exitCode} before it finished initializing.`);
  } else if (serverProcess?.signalCode !== null && serverProcess?.signalCode !== undefined) {
    parts.push(`The server was killed by ${serverProcess.signalCode} before it finished initializing.`);
  } else {
    const text = error instanceof Error ? error.message : String(error);
    parts.push(`${text.replace(/[.\s]+$/, '')}.`);
  }
  if (stderrTail.length > 0) {
    parts.push(`It said: ${stderrTail.join(' | ')}`);
  }
  return parts.join(' ');
}

/** Resolves once the process has exited, or after `timeoutMs`: a failed start is often a process on its way out. */
export function settled(serverProcess: ChildProcess | undefined, timeoutMs: number): Promise<void> {
  if (serverProcess === undefined || serverProcess.exitCode !== null || serverProcess.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    serverProcess.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
