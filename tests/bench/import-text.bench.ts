import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApp } from '../../electron/app/create-app';
import { parseFile } from '../../electron/ingest/parse-file';
import { indexTokens } from '../../shared/search/tokens';
import { benchDir, corpus, report, round, time, timeAsync } from './support';

async function main(): Promise<void> {
  // Importing through the service (hash, duplicate check, decode, passages, metadata, index, one
  // transaction per document) against the storage and index floor.
  const N = 2000;
  const files = corpus(N);
  const megabytes = files.reduce((n, f) => n + f.bytes.byteLength, 0) / 1e6;
  const dir = benchDir();

  const app = createApp({
    dbPath: path.join(dir, 'service.db'),
    shell: 'cli',
    ingest: { parse: parseFile },
    log: () => {},
  });
  const service = await timeAsync(() => app.documents.importFiles(files));
  const passages = (app.db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
  await app.close();

  // The floor: what any store of these documents must write: the bytes, the same passages and
  // their search tokens, one transaction per document, with no parsing, hashing or metadata.
  const raw = new BetterSqlite3(path.join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec(`
    CREATE TABLE originals (k INTEGER PRIMARY KEY, bytes BLOB) STRICT;
    CREATE TABLE passages (k INTEGER PRIMARY KEY, text TEXT) STRICT;
    CREATE VIRTUAL TABLE passages_fts USING fts5(tokens, content = '', contentless_delete = 1);
  `);
  const insertOriginal = raw.prepare('INSERT INTO originals (bytes) VALUES (?)');
  const insertPassage = raw.prepare('INSERT INTO passages (text) VALUES (?)');
  const indexPassage = raw.prepare('INSERT INTO passages_fts (rowid, tokens) VALUES (?, ?)');
  const paragraphs = files.map((f) =>
    Buffer.from(f.bytes)
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  const baseline = time(() => {
    files.forEach((f, i) => {
      raw.transaction(() => {
        insertOriginal.run(Buffer.from(f.bytes));
        for (const text of paragraphs[i]!) {
          indexPassage.run(insertPassage.run(text).lastInsertRowid, indexTokens(text));
        }
      })();
    });
  });
  raw.close();

  const ratio = round(service.ms / baseline.ms);
  report({
    name: 'import-text',
    description: `Import ${N} real 公文 TXT documents (${round(megabytes)} MB) through DocumentsService; baseline: the same bytes, passages and search tokens written straight into SQLite, one transaction per document.`,
    figures: {
      documents: N,
      passages,
      ms: round(service.ms),
      'documents/s': round((N / service.ms) * 1000),
      'MB/s': round(megabytes / (service.ms / 1000)),
    },
    baseline: { ms: round(baseline.ms), 'MB/s': round(megabytes / (baseline.ms / 1000)) },
    ratio,
    target: 'service time ≤ 1.5× the storage and index floor',
    pass: ratio <= 1.5,
  });
}

void main();
