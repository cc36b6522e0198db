import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parseTextDocument } from '../../electron/ingest/text-document';
import { FIXTURES, ROOT, tempDir } from '../support/temp';

/**
 * SIGKILL the real CLI in the middle of a bulk import, 20 times at random moments, on the same
 * store: every time the store must pass integrity_check and hold each document wholly (its
 * original, its row, all its passages, all their index rows) or not at all.
 */
const BIN = path.join(ROOT, 'bin', 'wenshu.cjs');
const dir = tempDir();
const inbox = path.join(dir, 'inbox');
const db = path.join(dir, 'store.db');
const KILLS = 20;

/** 120 distinct files cut from the real 公文 texts; the passage count each must end up with. */
function makeInbox(): Map<string, number> {
  fs.mkdirSync(inbox);
  const texts = fs
    .readdirSync(path.join(FIXTURES, 'gongwen'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, 'gongwen', f), 'utf8'));
  const expected = new Map<string, number>();
  for (let i = 0; i < 120; i++) {
    const text = texts[i % texts.length]!;
    const start = (i * 4093) % Math.max(1, text.length - 12000);
    const body = `第${i}号收文\n${text.slice(start, start + 12000)}`;
    const bytes = Buffer.from(body, 'utf8');
    fs.writeFileSync(path.join(inbox, `收文-${String(i).padStart(3, '0')}.txt`), bytes);
    expected.set(
      createHash('sha256').update(bytes).digest('hex'),
      parseTextDocument(bytes, 'x.txt', 'txt').passages.length,
    );
  }
  return expected;
}

function runUntilKilled(afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', inbox, '--db', db], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function check(expected: Map<string, number>): number {
  // Killed before the store was even created.
  if (!fs.existsSync(db)) return 0;
  // Opened as the app would after a crash: read-write, so SQLite replays or discards the WAL.
  const raw = new BetterSqlite3(db);
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const docs = raw
      .prepare(
        `SELECT d.sha256, o.bytes, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages
         FROM documents d LEFT JOIN originals o ON o.sha256 = d.sha256`,
      )
      .all() as { sha256: string; bytes: Buffer | null; passages: number }[];
    for (const d of docs) {
      expect(d.bytes).not.toBeNull();
      expect(createHash('sha256').update(d.bytes!).digest('hex')).toBe(d.sha256);
      expect(d.passages).toBe(expected.get(d.sha256));
    }
    const passages = (raw.prepare(`SELECT count(*) AS n FROM passages`).get() as { n: number }).n;
    const indexed = (raw.prepare(`SELECT count(*) AS n FROM passages_fts_docsize`).get() as { n: number }).n;
    expect(indexed).toBe(passages);
    const orphans = raw
      .prepare(`SELECT count(*) AS n FROM originals WHERE sha256 NOT IN (SELECT sha256 FROM documents)`)
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    return docs.length;
  } finally {
    raw.close();
  }
}

test(`the store survives ${KILLS} SIGKILLs during a bulk import`, async () => {
  const expected = makeInbox();
  // How long an uninterrupted import takes here, to spread the kills across it.
  const probeDb = path.join(dir, 'probe.db');
  const t0 = Date.now();
  const probe = spawnSync(process.execPath, [BIN, 'import', inbox, '--db', probeDb], { encoding: 'utf8' });
  const full = Date.now() - t0;
  expect(probe.status).toBe(0);

  const counts: number[] = [];
  for (let i = 0; i < KILLS; i++) {
    await runUntilKilled(Math.round(Math.random() * full));
    counts.push(check(expected));
  }
  // The kills landed mid-import: the store grew over the runs without ever being half-written.
  expect(counts.some((n) => n > 0 && n < expected.size)).toBe(true);
  const finish = spawnSync(process.execPath, [BIN, 'import', inbox, '--db', db], { encoding: 'utf8' });
  expect(finish.status).toBe(0);
  expect(check(expected)).toBe(expected.size);
}, 180_000);
