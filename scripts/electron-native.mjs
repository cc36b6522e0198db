// Builds better-sqlite3 for the installed Electron's native ABI into a side cache:
//   .electron-native/better-sqlite3-<v>-electron-<v>-<platform>-<arch>/better_sqlite3.node
// node_modules/better-sqlite3/build keeps the Node build, so tests and the CLI work from the same
// checkout; the Electron shell passes this file as better-sqlite3's `nativeBinding`
// (electron/main/native-binding.ts computes the same path).
//
//   node scripts/electron-native.mjs           build unless already cached
//   node scripts/electron-native.mjs --check   exit 0 if cached, else 1
//
// A prebuilt binary (GitHub) is tried first, then a source build with node-gyp against the
// Electron headers (electronjs.org). Both need the network; every step has a timeout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HEADERS_URL = 'https://electronjs.org/headers';
const PREBUILT_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 120_000;
const COMPILE_TIMEOUT_MS = 20 * 60_000;
const CACHE_DIR = '.electron-native';

export function nativeBindingFile(root, target) {
  const { betterSqlite3Version, electronVersion, platform, arch } = target;
  const dir = `better-sqlite3-${betterSqlite3Version}-electron-${electronVersion}-${platform}-${arch}`;
  return path.join(root, CACHE_DIR, dir, 'better_sqlite3.node');
}

/** V8 addons export node_register_module_v<ABI>: proof the binary is for Electron, not Node. */
export function hasElectronAbi(binary, abi) {
  return binary.includes(`node_register_module_v${abi}`);
}

/** npm's own node-gyp (npm sets npm_config_node_gyp in scripts; else beside node), else npx. */
export function nodeGypCommand(env = process.env, execPath = process.execPath) {
  const nodeDir = path.dirname(execPath);
  const candidates = [
    env.npm_config_node_gyp,
    path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const script = candidates.find((file) => file && fs.existsSync(file));
  return script ? { command: execPath, args: [script] } : { command: 'npx', args: ['--yes', 'node-gyp'] };
}

/** The last meaningful line of a tool's output, without the tool's log prefix. */
function lastLine(text) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? '').replace(/^prebuild-install (warn|info|err!?) (install )?/i, '');
}

class BuildError extends Error {}

function build(root, target, abi) {
  const require = createRequire(path.join(root, 'package.json'));
  const sourceDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const logFile = path.join(root, CACHE_DIR, 'build.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, `better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion}\n`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wenshu-electron-native-'));
  const run = (step, command, args, timeout) => {
    const r = spawnSync(command, args, {
      cwd: work,
      encoding: 'utf8',
      timeout,
      shell: process.platform === 'win32' && command === 'npx',
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    fs.appendFileSync(logFile, `\n$ ${step}\n${output}${r.error ? `${r.error.message}\n` : ''}`);
    const timedOut = r.error && /ETIMEDOUT/.test(r.error.message);
    const failure = timedOut ? `timed out after ${timeout / 1000} s` : r.error ? r.error.message : lastLine(output);
    return { ok: r.status === 0 && !r.error, failure };
  };

  try {
    // A copy of the sources: building in node_modules would replace the Node build.
    for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
      fs.cpSync(path.join(sourceDir, entry), path.join(work, entry), { recursive: true });
    }
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    const electron = ['--runtime=electron', `--target=${target.electronVersion}`, `--arch=${target.arch}`];

    const prebuildBin = createRequire(path.join(sourceDir, 'package.json')).resolve('prebuild-install/bin.js');
    const prebuilt = run(
      'prebuild-install',
      process.execPath,
      [prebuildBin, ...electron, `--platform=${target.platform}`],
      PREBUILT_TIMEOUT_MS,
    );
    if (!prebuilt.ok || !fs.existsSync(built)) {
      const gyp = nodeGypCommand();
      const gypFlags = [...electron, `--dist-url=${HEADERS_URL}`];
      // Headers first, with a short timeout: the download is the step that hangs on a bad network.
      const headers = run('node-gyp install', gyp.command, [...gyp.args, 'install', ...gypFlags], HEADERS_TIMEOUT_MS);
      if (!headers.ok) {
        throw new BuildError(
          `no prebuilt binary (${prebuilt.failure || 'none found'}) and no Electron headers (download from ${HEADERS_URL} failed${
            /timed out/.test(headers.failure) ? `: ${headers.failure}` : ''
          }); this needs access to github.com or electronjs.org`,
        );
      }
      const compile = run(
        'node-gyp rebuild',
        gyp.command,
        [...gyp.args, 'rebuild', '--release', '--jobs=max', ...gypFlags],
        COMPILE_TIMEOUT_MS,
      );
      if (!compile.ok) throw new BuildError(`node-gyp build failed (${compile.failure})`);
    }

    const binary = fs.readFileSync(built);
    if (!hasElectronAbi(binary, abi)) throw new BuildError(`the built binary is not for Electron's native ABI ${abi}`);
    const file = nativeBindingFile(root, target);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, binary);
    fs.renameSync(`${file}.tmp`, file);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main(argv) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(path.join(root, 'package.json'));
  // package.json only: requiring 'electron' itself would start a binary download.
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const target = {
    betterSqlite3Version: require('better-sqlite3/package.json').version,
    electronVersion: require('electron/package.json').version,
    platform: process.platform,
    arch: process.arch,
  };
  const label = `better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} (${target.platform}-${target.arch})`;
  const file = nativeBindingFile(root, target);
  const shown = path.relative(root, file);

  if (fs.existsSync(file)) return 0;
  if (argv.includes('--check')) {
    console.error(`electron-native: no build of ${label} at ${shown}; run \`node scripts/electron-native.mjs\``);
    return 1;
  }
  const abi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
  try {
    build(root, target, abi);
    console.error(`electron-native: built ${label} → ${shown}`);
    return 0;
  } catch (err) {
    const reason = err instanceof BuildError ? err.message : String(err);
    console.error(`electron-native: cannot build ${label}: ${reason} (log: ${path.join(CACHE_DIR, 'build.log')})`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
