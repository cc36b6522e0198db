import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../electron/store/database';
import type { Database } from '../../../electron/store/database';
import { DocumentsRepo } from '../../../electron/store/documents-repo';
import type { NewDocument } from '../../../electron/store/documents-repo';
import { LATEST_VERSION } from '../../../electron/store/migrations';
import { SearchRepo } from '../../../electron/store/search-repo';
import { generateCorpus } from './corpus';
import type { SyntheticDocument } from './corpus';

/**
 * The benchmark corpus as a Wenshu store plus one file per document (for ripgrep), built once and
 * cached under the OS temp folder. The key covers what shapes the store (generator, tokenizer,
 * schema); the ranked lists have their own key (search-repo.ts) and are rebuilt on the cached store.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SOURCES = path.join(ROOT, '..', 'shared', 'fixtures', 'real', 'gongwen');
const CORPUS = { seed: 20261128, minDocuments: 100_000, minBytes: 500_000_000 };
const BATCH = 1000;

export interface BenchStore {
  dir: string;
  dbPath: string;
  filesDir: string;
  manifest: Manifest;
}

interface Manifest {
  documents: number;
  passages: number;
  textBytes: number;
  insertSeconds: number;
  optimizeSeconds: number;
  listsKey?: string;
  listsSeconds?: number;
  lists?: number;
  /** Whether this run built anything (false: everything came from the cache). */
  built?: boolean;
}

const hashOf = (files: string[], extra: string) =>
  createHash('sha256')
    .update(extra)
    .update(files.map((f) => fs.readFileSync(path.join(ROOT, f))).join('\0'))
    .digest('hex')
    .slice(0, 12);

/** Each line is a passage, as the TXT importer makes them (the generator keeps lines short of its cut). */
function toNewDocument(doc: SyntheticDocument): NewDocument {
  const bytes = Buffer.from(doc.text, 'utf8');
  const passages: NewDocument['passages'] = [];
  let start = 0;
  for (const line of doc.text.split('\n')) {
    if (line)
      passages.push({
        seq: passages.length,
        page: 1,
        paragraph: passages.length,
        start,
        end: start + line.length,
        text: line,
      });
    start += line.length + 1;
  }
  return {
    id: randomUUID(),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: doc.name,
    kind: 'txt',
    title: passages[0]!.text,
    encoding: 'utf-8',
    pageCount: 1,
    text: doc.text,
    bytes,
    importedAt: new Date().toISOString(),
    passages,
    textLayer: true,
    meta: {
      docNumber: null,
      issuer: doc.issuer,
      issuedDate: doc.issuedDate,
      docType: doc.docType,
      classification: null,
      tags: [],
    },
  };
}

export const fileOf = (filesDir: string, name: string) => path.join(filesDir, name.slice(4, 7), name);

function build(dir: string, log: (line: string) => void): Manifest {
  fs.rmSync(dir, { recursive: true, force: true });
  const filesDir = path.join(dir, 'files');
  const db = openDatabase({ file: path.join(dir, 'store.db') });
  db.pragma('cache_size = -262144');
  const repo = new DocumentsRepo(db);
  const manifest: Manifest = { documents: 0, passages: 0, textBytes: 0, insertSeconds: 0, optimizeSeconds: 0 };
  const t0 = performance.now();
  let batch: NewDocument[] = [];
  const flush = () => {
    db.transaction(() => batch.forEach((d) => repo.insert(d)))();
    batch = [];
  };
  for (const doc of generateCorpus({ ...CORPUS, sourceDir: SOURCES })) {
    const file = fileOf(filesDir, doc.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, doc.text);
    const newDoc = toNewDocument(doc);
    manifest.documents++;
    manifest.passages += newDoc.passages.length;
    manifest.textBytes += newDoc.bytes.byteLength;
    batch.push(newDoc);
    if (batch.length === BATCH) flush();
    if (manifest.documents % 10_000 === 0) log(`search bench: ${manifest.documents} documents stored`);
  }
  flush();
  manifest.insertSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  db.exec(`INSERT INTO passages_fts (passages_fts) VALUES ('optimize')`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  manifest.optimizeSeconds = (performance.now() - t1) / 1000;
  db.close();
  return manifest;
}

function prepareLists(db: Database, manifest: Manifest, key: string, log: (line: string) => void): void {
  const t0 = performance.now();
  db.exec(`DELETE FROM search_lists`);
  manifest.lists = new SearchRepo(db).prepareLists((done, total) => {
    if (done % 500 === 0 || done === total) log(`search bench: ${done}/${total} ranked lists`);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  manifest.listsSeconds = (performance.now() - t0) / 1000;
  manifest.listsKey = key;
}

/** Opens the cached store, building whatever is missing or out of date. */
export function benchStore(log: (line: string) => void): BenchStore & { db: Database } {
  const migrations = fs
    .readdirSync(path.join(ROOT, 'electron/store/migrations'))
    .map((f) => `electron/store/migrations/${f}`);
  const key = hashOf(
    ['tests/bench/search/corpus.ts', 'tests/bench/search/store.ts', 'shared/search/tokens.ts', ...migrations.sort()],
    `v1:${LATEST_VERSION}`,
  );
  const listsKey = hashOf(['electron/store/search-repo.ts', 'shared/search/bm25.ts', 'shared/search/ranking.ts'], key);
  const dir = path.join(os.tmpdir(), `wenshu-search-bench-${key}`);
  const manifestPath = path.join(dir, 'manifest.json');
  let built = false;
  let manifest = fs.existsSync(manifestPath)
    ? (JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest)
    : undefined;
  if (!manifest) {
    log(`search bench: building the corpus in ${dir} (once; later runs reuse it)`);
    manifest = build(dir, log);
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    built = true;
  }
  const dbPath = path.join(dir, 'store.db');
  const db = openDatabase({ file: dbPath });
  if (manifest.listsKey !== listsKey) {
    log('search bench: building ranked lists for frequent words');
    prepareLists(db, manifest, listsKey, log);
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    built = true;
  }
  return { dir, dbPath, filesDir: path.join(dir, 'files'), manifest: { ...manifest, built }, db };
}
