import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface ImportPeak {
  status: string;
  ms: number;
  peakRssMb: number;
}

/**
 * Imports `pdfFile` in a fresh Node process and returns its peak resident memory. The child is
 * bundled like the CLI (dependencies external) and run by plain node: run from TypeScript
 * source, the tsx loader alone would add about 100 MB that no shipped shell carries.
 */
export function importPeak(pdfFile: string, dbFile: string, workerFile: string): ImportPeak {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const outfile = path.join(ROOT, 'out', 'bench', 'import-child.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'import-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: Object.keys(pkg.dependencies ?? {}),
    logLevel: 'warning',
  });
  const child = spawnSync(process.execPath, [outfile, pdfFile, dbFile, workerFile], { cwd: ROOT, encoding: 'utf8' });
  const result = JSON.parse(child.stdout.trim().split('\n').pop() || '{}') as Partial<ImportPeak>;
  if (result.status !== 'imported' || result.peakRssMb === undefined || result.ms === undefined) {
    throw new Error(`the import in a child process failed: ${child.stdout}${child.stderr}`);
  }
  return { status: result.status, ms: result.ms, peakRssMb: result.peakRssMb };
}
