// `npm run bench [-- NAME…]`: runs tests/bench/NAME.bench.ts, each in its own Node process (so
// memory figures are its own), echoes the one JSON object each prints, and records the latest
// result per benchmark in docs/benchmarks.json and docs/benchmarks.md with the date and machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'tests', 'bench');
const available = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
};
const dataFile = path.join(root, 'docs', 'benchmarks.json');
const data = fs.existsSync(dataFile) ? JSON.parse(fs.readFileSync(dataFile, 'utf8')) : { results: {} };
let failed = false;

for (const name of wanted.length ? wanted : available) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, `${name}.bench.ts`)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  let result;
  try {
    result = JSON.parse(line);
  } catch {
    console.error(`bench: ${name} printed no JSON result (exit ${run.status})`);
    failed = true;
    continue;
  }
  console.log(JSON.stringify(result));
  data.results[name] = { ...result, date: new Date().toISOString(), machine, command: `npm run bench -- ${name}` };
  if (result.pass === false) failed = true;
}

fs.mkdirSync(path.dirname(dataFile), { recursive: true });
fs.writeFileSync(dataFile, `${JSON.stringify(data, null, 2)}\n`);
fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), render(data.results));
process.exit(failed ? 1 : 0);

function render(results) {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (do not edit by hand). Each benchmark measures its baseline in the same run and reports the ratio; `target` is the goal it is checked against.',
    '',
  ];
  for (const [name, r] of Object.entries(results).sort()) {
    lines.push(`## ${name}`, '', r.description ?? '', '');
    lines.push(
      `- command: \`${r.command}\``,
      `- date: ${r.date}`,
      `- machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ${r.machine.os}, Node ${r.machine.node}`,
    );
    if (r.target) lines.push(`- target: ${r.target} → ${r.pass ? 'met' : 'NOT met'}`);
    lines.push('', '| figure | value |', '| --- | --- |');
    for (const [k, v] of Object.entries(r.figures ?? {})) lines.push(`| ${k} | ${v} |`);
    for (const [k, v] of Object.entries(r.baseline ?? {})) lines.push(`| baseline: ${k} | ${v} |`);
    lines.push(`| ratio | ${r.ratio} |`, '');
  }
  return `${lines.join('\n')}\n`;
}
