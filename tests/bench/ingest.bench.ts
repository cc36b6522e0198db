import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../electron/app/create-app';
import { createParsePool } from '../../electron/ingest/parse-pool';
import { corpusPdf } from './ingest/corpus-pdf';
import { importPeak } from './ingest/peak-memory';
import { benchDir, report, round, timeAsync } from './support';

// A 300-page Chinese/English PDF (Chromium-printed, ~1,700 characters a page) imported end to
// end — hash, parse in the worker pool on all cores (pages split across workers), 公文 metadata,
// passages and FTS index in one transaction — against poppler's pdftotext on the same file in
// the same run. Then the peak memory of a fresh process importing a 1,000-page PDF.
const PAGES = 300;
const BIG_PAGES = 1000;
const RUNS = 2;
const ROOT = path.resolve(__dirname, '..', '..');
const WORKER = path.join(ROOT, 'out', 'node', 'ingest-worker.cjs');

/** Distinct bytes for every import (a re-import of the same bytes is a no-op): a comment after %%EOF. */
const variant = (pdf: Uint8Array, i: number) => Buffer.concat([pdf, Buffer.from(`\n%run ${i}\n`)]);

async function main() {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-node.mjs')], { cwd: ROOT });
  const dir = benchDir();
  const pdf = await corpusPdf(PAGES);
  const pdfFile = path.join(dir, 'corpus-300.pdf');
  fs.writeFileSync(pdfFile, pdf);

  const workers = os.availableParallelism();
  const pool = createParsePool({ workerFile: WORKER, size: workers });
  const app = createApp({
    dbPath: path.join(dir, 'bench.db'),
    shell: 'cli',
    log: () => {},
    ingest: { parse: pool.parse },
  });
  // Interleaved, so both sides see the same load on the machine.
  const poppler: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, path.join(dir, 'poppler.txt')]);
    poppler.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const bytes = variant(pdf, i);
    const run = await timeAsync(() => app.documents.importFiles([{ name: `corpus-${i}.pdf`, load: () => bytes }]));
    if (run.value[0]?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(run.value[0])}`);
    ours.push(run.ms);
  }
  const stored = app.db
    .prepare(
      'SELECT count(*) AS passages, max(d.char_count) AS chars FROM passages p JOIN documents d ON d.id = p.document_id',
    )
    .get() as {
    passages: number;
    chars: number;
  };
  await pool.close();
  await app.close();

  const bigFile = path.join(dir, 'corpus-1000.pdf');
  fs.writeFileSync(bigFile, await corpusPdf(BIG_PAGES));
  const big = importPeak(bigFile, path.join(dir, 'big.db'), WORKER);

  const best = (xs: number[]) => Math.min(...xs);
  const pagesPerSecond = (ms: number) => (PAGES / ms) * 1000;
  const ratio = round(pagesPerSecond(best(ours)) / pagesPerSecond(best(poppler)));
  const memoryOk = big.peakRssMb < 500;
  report({
    name: 'ingest',
    description: `Import a ${PAGES}-page Chinese/English PDF (Chromium-printed, ${round(pdf.byteLength / 1e6)} MB) end to end through DocumentsService with the worker pool on ${workers} cores (parse, passages, FTS index); baseline: poppler pdftotext on the same file. Best of ${RUNS} runs each; the first import includes starting the workers. Also the peak RSS (VmHWM, worker threads included) of a fresh process importing a ${BIG_PAGES}-page PDF.`,
    figures: {
      pages: PAGES,
      workers,
      'import ms (best)': round(best(ours)),
      'import ms (first, cold workers)': round(ours[0]!),
      'pages/s': round(pagesPerSecond(best(ours))),
      passages: stored.passages / RUNS,
      characters: stored.chars,
      [`${BIG_PAGES}-page import ms`]: round(big.ms),
      [`${BIG_PAGES}-page peak RSS MB`]: round(big.peakRssMb),
    },
    baseline: { 'pdftotext ms (best)': round(best(poppler)), 'pages/s': round(pagesPerSecond(best(poppler))) },
    ratio,
    target: `pages/s ≥ 0.4 × pdftotext, and peak RSS importing ${BIG_PAGES} pages < 500 MB`,
    pass: ratio >= 0.4 && memoryOk,
  });
}

void main();
