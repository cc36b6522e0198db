import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApp } from '../../electron/app/create-app';
import { parseFile } from '../../electron/ingest/parse-file';
import { benchDir, corpus, report, round, time, timeAsync } from './support';

async function main(): Promise<void> {
  // Importing through the service (hash, decode, passages, one transaction per document) against
  // the storage floor: the same bytes and one passage each written straight into SQLite.
  const N = 2000;
  const files = corpus(N);
  const megabytes = files.reduce((n, f) => n + f.bytes.byteLength, 0) / 1e6;
  const dir = benchDir();

  const app = createApp({ dbPath: path.join(dir, 'service.db'), shell: 'cli', ingest: { parse: parseFile }, log: () => {} });
  const service = await timeAsync(() => app.documents.importFiles(files));
  const passages = (app.db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
  await app.close();

  const raw = new BetterSqlite3(path.join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec(
    'CREATE TABLE originals (k INTEGER PRIMARY KEY, bytes BLOB) STRICT; CREATE TABLE passages (k INTEGER PRIMARY KEY, text TEXT) STRICT;',
  );
  const insertOriginal = raw.prepare('INSERT INTO originals (bytes) VALUES (?)');
  const insertPassage = raw.prepare('INSERT INTO passages (text) VALUES (?)');
  const baseline = time(() => {
    for (const f of files) {
      raw.transaction(() => {
        insertOriginal.run(Buffer.from(f.bytes));
        insertPassage.run(Buffer.from(f.bytes).toString('utf8'));
      })();
    }
  });
  raw.close();

  const ratio = round(service.ms / baseline.ms);
  report({
    name: 'import-text',
    description: `Import ${N} real 公文 TXT documents (${round(megabytes)} MB) through DocumentsService; baseline: the same bytes written straight into SQLite, one transaction per document.`,
    figures: {
      documents: N,
      passages,
      ms: round(service.ms),
      'documents/s': round((N / service.ms) * 1000),
      'MB/s': round(megabytes / (service.ms / 1000)),
    },
    baseline: { ms: round(baseline.ms), 'MB/s': round(megabytes / (baseline.ms / 1000)) },
    ratio,
    target: 'service time ≤ 5× the raw-insert floor',
    pass: ratio <= 5,
  });
}

void main();
