// `npm start`: the desktop app from a checkout. Cheapest failures first: the Electron binary
// (downloaded once when missing), the Electron build of better-sqlite3, then `npm run build`,
// then Electron on the project directory with its exit code passed through.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const say = (line) => console.error(`wenshu: ${line}`);

function ensureElectronBinary() {
  const found = findElectronBinary(electronDir);
  if (found) return found;
  say('downloading the Electron binary (first start only)…');
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const binary = findElectronBinary(electronDir);
  if (binary) return binary;
  // install.js prints a stack trace; its first line is the reason.
  const reason = r.error?.message ?? `${r.stderr}`.split('\n').find((l) => l.trim()) ?? `exit ${r.status}`;
  say(
    `the Electron binary is not available on this machine (download failed: ${reason.trim()}); ` +
      'run `npm run start:web` to use Wenshu in a browser.',
  );
  return undefined;
}

/** Runs a step with inherited output; returns its exit status. */
function step(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return r.status ?? 1;
}

function npmRun(script) {
  // Under `npm start`, npm_execpath is npm's CLI: reuse it rather than finding npm on PATH.
  const npmCli = process.env.npm_execpath;
  return npmCli
    ? step(process.execPath, [npmCli, 'run', script])
    : step('npm', ['run', script], { shell: process.platform === 'win32' });
}

const binary = ensureElectronBinary();
if (!binary) process.exit(1);
const nativeStatus = step(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')]);
if (nativeStatus !== 0) process.exit(nativeStatus);
const buildStatus = npmRun('build');
if (buildStatus !== 0) process.exit(buildStatus);

// ELECTRON_RUN_AS_NODE (set by some tools) would make the binary a plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
// Extra arguments go to Electron (`npm start -- --inspect`).
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('error', (err) => {
  say(`cannot start Electron: ${err.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
