// The platforms the extension is packaged for: VS Code's target name and the .NET runtime
// identifier of the NativeAOT server built into that package.
import process from 'node:process';

const TARGETS = {
  'linux-x64': { rid: 'linux-x64', executable: 'dockerlayer' },
  'linux-arm64': { rid: 'linux-arm64', executable: 'dockerlayer' },
  'darwin-x64': { rid: 'osx-x64', executable: 'dockerlayer' },
  'darwin-arm64': { rid: 'osx-arm64', executable: 'dockerlayer' },
  'win32-x64': { rid: 'win-x64', executable: 'dockerlayer.exe' },
  'win32-arm64': { rid: 'win-arm64', executable: 'dockerlayer.exe' },
};

/** `--target NAME` from argv, else DOCKERLAYER_TARGET, else the machine we run on. */
export function selectTarget(argv = process.argv) {
  const flag = argv.indexOf('--target');
  const name = flag >= 0 ? argv[flag + 1] : process.env.DOCKERLAYER_TARGET ?? `${process.platform}-${process.arch}`;
  const target = TARGETS[name];
  if (target === undefined) {
    throw new Error(`unknown target '${name}'; known: ${Object.keys(TARGETS).join(', ')}`);
  }
  return { name, ...target };
}
