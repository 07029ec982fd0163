// Builds the dockerlayer server for the package's platform and puts it in server/, where the
// extension looks for it. NativeAOT by default: one self-contained binary, no .NET runtime needed.
// DOCKERLAYER_SERVER_BUILD=framework-dependent is a quicker dev-loop build that needs `dotnet`.
// DOCKERLAYER_SERVER_BINARY=<file> packages an already published NativeAOT binary instead
// (CI's test script publishes one anyway; building it twice costs a minute).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectTarget } from './targets.mjs';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extensionDir, '..');
const project = path.join(repoRoot, 'server', 'DockerLayerLsp', 'DockerLayerLsp.csproj');
const serverDir = path.join(extensionDir, 'server');

const target = selectTarget();
const mode = process.env.DOCKERLAYER_SERVER_BUILD ?? 'aot';
const modeArgs = {
  aot: ['-p:PublishAot=true'],
  'framework-dependent': ['--self-contained', 'false'],
}[mode];
if (modeArgs === undefined) {
  throw new Error(`DOCKERLAYER_SERVER_BUILD must be 'aot' or 'framework-dependent', not '${mode}'`);
}

const prebuilt = process.env.DOCKERLAYER_SERVER_BINARY;
if (prebuilt) {
  if (!existsSync(prebuilt)) {
    throw new Error(`DOCKERLAYER_SERVER_BINARY=${prebuilt} does not exist`);
  }
  rmSync(serverDir, { recursive: true, force: true });
  mkdirSync(serverDir);
  copyFileSync(prebuilt, path.join(serverDir, target.executable));
  chmodSync(path.join(serverDir, target.executable), 0o755);
  console.log(`prebuilt server ${prebuilt} copied to ${path.relative(repoRoot, serverDir)}/`);
  process.exit(0);
}

const staging = mkdtempSync(path.join(tmpdir(), 'dockerlayer-publish-'));
try {
  const args = ['publish', project, '-c', 'Release', '-r', target.rid, ...modeArgs, '-o', staging];
  console.log(`dotnet ${args.join(' ')}`);
  const result = spawnSync('dotnet', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`dotnet publish failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }

  rmSync(serverDir, { recursive: true, force: true });
  mkdirSync(serverDir);
  // NativeAOT: the executable alone (its .dbg symbols stay out of the package).
  // Framework-dependent: the apphost needs its assemblies beside it.
  const files = mode === 'aot'
    ? [target.executable]
    : readdirSync(staging).filter((name) => !/\.(pdb|dbg)$/.test(name));
  for (const name of files) {
    copyFileSync(path.join(staging, name), path.join(serverDir, name));
  }
  chmodSync(path.join(serverDir, target.executable), 0o755);
  console.log(`${mode} server for ${target.name}: ${files.length} file(s) in ${path.relative(repoRoot, serverDir)}/`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
