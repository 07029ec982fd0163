#!/usr/bin/env node
// Side-by-side LSP benchmark: our NativeAOT server against the reference Dockerfile language server
// (dockerfile-language-server-nodejs 0.15.0), with ../shared/bench/lspbench.mjs on the shared inputs, runs
// interleaved (ours, reference, ours, ...) so both see the same machine load. Also times `dockerlayer check`
// over the real corpus. Writes a markdown report (medians, ratios, targets) and prints it.
//
//   node scripts/bench/compare.mjs [--inputs small,medium,large,huge] [--runs 3] [--skip-publish]
//                                  [--out artifacts/bench/compare.md] [--update PERFORMANCE.md]
//
// The reference server is installed with npm into artifacts/bench/ref (gitignored) on first use; the AOT
// binary is published into artifacts/aot. Needs node, npm and the .NET SDK.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.DOCKERLAYER_SHARED ?? path.resolve(repo, '..', 'shared');
const benchDir = path.join(shared, 'bench');
const REFERENCE_PACKAGE = 'dockerfile-language-server-nodejs@0.15.0';

// Per-input lspbench parameters, the same for both servers. The reference needs seconds per keystroke on huge,
// so huge gets BASELINE.md's smaller counts.
const PARAMS = {
  small: ['--edits', '200', '--requests', '100'],
  medium: ['--edits', '200', '--requests', '100'],
  large: ['--edits', '200', '--requests', '100'],
  huge: ['--edits', '20', '--requests', '10', '--burst', '3', '--timeout', '120000'],
};

// The targets for our server (ms unless noted).
const TARGETS = {
  edit_p50: { medium: 0.6, large: 2, huge: 15 },
  hover_p50: { small: 0.5, medium: 0.5, large: 0.5, huge: 0.5 },
  startup_ms: { small: 30, medium: 30, large: 30, huge: 30 },
};
const CHECK_TARGET_MS = 1000;

function parseArgs(argv) {
  const o = { inputs: ['small', 'medium', 'large', 'huge'], runs: 3, publish: true, out: path.join(repo, 'artifacts', 'bench', 'compare.md'), update: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--inputs') o.inputs = argv[++i].split(',');
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--skip-publish') o.publish = false;
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else if (a === '--update') o.update = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 11).join('\n')); process.exit(0); }
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.status !== 0 && !options.allowFailure) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr || r.stdout}`);
  return r;
}

function ensureOurServer(publish) {
  const binary = path.join(repo, 'artifacts', 'aot', 'dockerlayer');
  if (publish || !fs.existsSync(binary)) {
    process.stderr.write('publishing the NativeAOT server...\n');
    run('dotnet', ['publish', 'server/DockerLayerLsp/DockerLayerLsp.csproj', '-c', 'Release', '-r', 'linux-x64', '-p:PublishAot=true',
      '-o', path.join(repo, 'artifacts', 'aot'), '-nologo', '-v', 'quiet'], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return binary;
}

function ensureReference() {
  const prefix = path.join(repo, 'artifacts', 'bench', 'ref');
  const binary = path.join(prefix, 'node_modules', '.bin', 'docker-langserver');
  if (!fs.existsSync(binary)) {
    process.stderr.write(`installing ${REFERENCE_PACKAGE} into ${prefix}...\n`);
    fs.mkdirSync(prefix, { recursive: true });
    run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', REFERENCE_PACKAGE], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return binary;
}

function lspbench(server, input) {
  const file = path.join(benchDir, 'inputs', `${input}.Dockerfile`);
  const r = run('node', [path.join(benchDir, 'lspbench.mjs'), '--server', server, '--file', file, '--runs', '1', ...PARAMS[input]], { allowFailure: true });
  const last = r.stdout.trim().split('\n').pop();
  let summary;
  try { summary = JSON.parse(last); } catch { throw new Error(`lspbench gave no summary for ${server} on ${input}:\n${r.stdout}\n${r.stderr}`); }
  if (!summary.ok) throw new Error(`lspbench failed for ${server} on ${input}: ${summary.error}`);
  return summary.median;
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

function medians(runs) {
  const keys = new Set(runs.flatMap((r) => Object.keys(r)));
  return Object.fromEntries([...keys].map((k) => [k, median(runs.map((r) => r[k]))]));
}

function timeCheck(binary) {
  const real = path.join(shared, 'corpus', 'real');
  const files = fs.readdirSync(real).map((d) => path.join(real, d, 'Dockerfile')).filter((f) => fs.existsSync(f));
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = process.hrtime.bigint();
    const r = run(binary, ['check', ...files], { allowFailure: true });
    if (r.status !== 0 && r.status !== 1) throw new Error(`dockerlayer check failed (${r.status}): ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { files: files.length, wall_ms: median(times), min_ms: Math.min(...times) };
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memory_gib: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    dotnet: run('dotnet', ['--version'], { allowFailure: true }).stdout.trim(),
    load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

const f = (x, d = 2) => (x == null ? 'n/a' : Number(x).toFixed(d));
const mib = (kb) => (kb == null ? 'n/a' : `${(kb / 1024).toFixed(1)} MiB`);
const ratio = (ref, ours) => (ref == null || ours == null || ours === 0 ? 'n/a' : `${(ref / ours).toFixed(ref / ours >= 10 ? 0 : 1)}×`);

function report(results, check, info, loadAfter, options) {
  const lines = [];
  lines.push(`Machine: ${info.nproc} vCPU ${info.cpu}, ${info.memory_gib} GiB RAM; Node ${info.node}, .NET SDK ${info.dotnet}.`);
  lines.push(`Load average before → after: ${info.load} → ${loadAfter}. Runs per input and server: ${options.runs}, interleaved; medians.`);
  lines.push('');
  lines.push('| input | server | startup | open | edit p50 / p95 / p99 | hover p50 / p99 | codeAction p50 | burst: publishes, last after | peak RSS | CPU per edit |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    for (const [name, m] of [['dockerlayer (AOT)', r.ours], ['reference', r.ref]]) {
      lines.push(`| ${r.input} | ${name} | ${f(m.startup_ms, 1)} | ${f(m.open_ms)} | ${f(m.edit_p50)} / ${f(m.edit_p95)} / ${f(m.edit_p99)} | ${f(m.hover_p50)} / ${f(m.hover_p99)} | ${f(m.codeaction_p50)} | ${f(m.burst_publishes, 0)}/${f(m.burst_changes, 0)}, ${f(m.burst_settle_ms, 1)} | ${mib(m.rss_peak_kb)} | ${f(m.cpu_edit_ms)} |`);
    }
  }
  lines.push('');
  lines.push('Ratios (reference ÷ ours; higher is better for us) and targets:');
  lines.push('');
  lines.push('| input | edit p50 | edit target | hover p50 | hover target | startup | startup target | peak RSS (ref ÷ ours) | RSS target (≥ 3×) |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  const verdict = (value, target) => (target == null ? '—' : value == null ? 'n/a' : value <= target ? `≤ ${target} ms: met` : `≤ ${target} ms: **missed**`);
  for (const r of results) {
    const rss = r.ref.rss_peak_kb / r.ours.rss_peak_kb;
    lines.push(`| ${r.input} | ${f(r.ours.edit_p50)} vs ${f(r.ref.edit_p50)} (${ratio(r.ref.edit_p50, r.ours.edit_p50)}) | ${verdict(r.ours.edit_p50, TARGETS.edit_p50[r.input])}`
      + ` | ${f(r.ours.hover_p50)} vs ${f(r.ref.hover_p50)} (${ratio(r.ref.hover_p50, r.ours.hover_p50)}) | ${verdict(r.ours.hover_p50, TARGETS.hover_p50[r.input])}`
      + ` | ${f(r.ours.startup_ms, 1)} vs ${f(r.ref.startup_ms, 1)} (${ratio(r.ref.startup_ms, r.ours.startup_ms)}) | ${verdict(r.ours.startup_ms, TARGETS.startup_ms[r.input])}`
      + ` | ${mib(r.ours.rss_peak_kb)} vs ${mib(r.ref.rss_peak_kb)} (${rss.toFixed(1)}×) | ${rss >= 3 ? 'met' : '**missed**'} |`);
  }
  if (check) {
    lines.push('');
    lines.push(`\`dockerlayer check\` over the ${check.files} real corpus Dockerfiles (one process, median of 7): ${f(check.wall_ms, 1)} ms wall (min ${f(check.min_ms, 1)}); target < ${CHECK_TARGET_MS} ms: ${check.wall_ms < CHECK_TARGET_MS ? 'met' : '**missed**'}.`);
  }
  return lines.join('\n') + '\n';
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const info = machine();
  const ours = ensureOurServer(options.publish);
  const ref = ensureReference();
  const results = [];
  for (const input of options.inputs) {
    const oursRuns = [], refRuns = [];
    for (let i = 0; i < options.runs; i++) {
      process.stderr.write(`${input}: run ${i + 1}/${options.runs}\n`);
      oursRuns.push(lspbench(`${ours} server`, input));
      refRuns.push(lspbench(`${ref} --stdio`, input));
    }
    results.push({ input, ours: medians(oursRuns), ref: medians(refRuns) });
  }
  const check = timeCheck(ours);
  const markdown = report(results, check, info, os.loadavg().map((x) => x.toFixed(2)).join(' '), options);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, markdown);
  fs.writeFileSync(options.out.replace(/\.md$/, '.json'), JSON.stringify({ machine: info, results, check }, null, 2));
  if (options.update) {
    const text = fs.readFileSync(options.update, 'utf8');
    const begin = '<!-- compare:begin -->', end = '<!-- compare:end -->';
    const a = text.indexOf(begin), b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`${options.update} has no ${begin} ... ${end} section`);
    fs.writeFileSync(options.update, text.slice(0, a + begin.length) + '\n' + markdown + text.slice(b));
  }
  process.stdout.write(markdown);
}

main().catch((e) => { process.stderr.write(`compare: ${e.stack ?? e}\n`); process.exit(1); });
