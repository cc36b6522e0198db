// Imports one PDF into a fresh store through the parse pool and prints one JSON line with the
// time and the process's peak resident memory. Run in its own process, so the peak is this
// import's alone: worker threads live in the process, and /proc's VmHWM counts them too.
import fs from 'node:fs';
import { createApp } from '../../../electron/app/create-app';
import { createParsePool } from '../../../electron/ingest/parse-pool';

async function main() {
  const [pdfFile, dbFile, workerFile] = process.argv.slice(2) as [string, string, string];
  const pool = createParsePool({ workerFile });
  const app = createApp({
    dbPath: dbFile,
    shell: 'cli',
    log: () => {},
    ingest: { parse: pool.parse },
  });
  const bytes = new Uint8Array(fs.readFileSync(pdfFile));
  const t0 = process.hrtime.bigint();
  const [outcome] = await app.documents.importFiles([{ name: 'corpus.pdf', load: () => bytes }]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  await pool.close();
  await app.close();
  process.stdout.write(`${JSON.stringify({ status: outcome?.status, ms, peakRssMb: Number(hwm?.[1]) / 1024 })}\n`);
}

void main();
