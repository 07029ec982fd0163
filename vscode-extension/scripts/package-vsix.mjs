// Packages the platform-specific .vsix (dockerlayer-<target>-<version>.vsix) from the bundled
// extension and the server in server/. Run `npm run package`, which builds both first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectTarget } from './targets.mjs';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = selectTarget();
const { name, version } = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));

for (const required of ['dist/extension.js', `server/${target.executable}`]) {
  if (!existsSync(path.join(extensionDir, required))) {
    throw new Error(`${required} is missing: run \`npm run package\` (it builds the bundle and the server)`);
  }
}

const out = `${name}-${target.name}-${version}.vsix`;
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const args = [vsce, 'package', '--no-dependencies', '--target', target.name, '--out', out,
  '--skip-license', '--allow-missing-repository'];
const result = spawnSync(process.execPath, args, { cwd: extensionDir, stdio: 'inherit' });
if (result.status !== 0) {
  throw new Error(`vsce package failed (exit code ${result.status})`);
}
console.log(`packaged ${path.join(path.basename(extensionDir), out)}`);
