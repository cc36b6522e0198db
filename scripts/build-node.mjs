// Bundles the parts that run on plain Node (the `wenshu` CLI and the `start:web` server) and the
// browser-side web bridge. Runs on `npm install` (prepare) so `npx wenshu` works right away.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {});

const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({
    ...common,
    entryPoints: {
      cli: 'electron/cli/index.ts',
      'web-server': 'electron/web/main.ts',
      'ingest-worker': 'electron/ingest/worker.ts',
    },
    outdir: 'out/node',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
  }),
  build({
    ...common,
    entryPoints: { bridge: 'electron/preload/web-bridge.ts' },
    outdir: 'out/web',
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    minify: true,
  }),
]);
