import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchResult {
  name: string;
  description: string;
  figures: Record<string, number | string>;
  baseline: Record<string, number | string>;
  /** How this run compares with its baseline (what the target speaks of). */
  ratio: number;
  target?: string;
  pass?: boolean;
}

/** The runner reads the last line of stdout. */
export function report(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function benchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenshu-bench-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/** Real 公文 texts from the shared fixtures, varied so every copy has distinct bytes. */
export function corpus(count: number): { name: string; bytes: Uint8Array; load: () => Uint8Array }[] {
  const dir = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'gongwen');
  const texts = fs
    .readdirSync(dir)
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  return Array.from({ length: count }, (_, i) => {
    const text = texts[i % texts.length]!;
    const cut = (i * 7919) % Math.max(1, text.length - 4000);
    const bytes = Buffer.from(`第${i}号文件\n${text.slice(cut, cut + 4000)}`, 'utf8');
    return { name: `doc-${i}.txt`, bytes, load: () => bytes };
  });
}
