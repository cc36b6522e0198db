import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ROOT, tempDir } from '../support/temp';

/** The real `wenshu` bin (the bundle `npm install`/`npm run build` makes), in a child process. */
const BIN = path.join(ROOT, 'bin', 'wenshu.cjs');
const dir = tempDir();
const db = path.join(dir, 'x.db');

function wenshu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, WENSHU_DB: '', LANG: 'en_US.UTF-8', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function storeState(file: string) {
  const raw = new BetterSqlite3(file, { readonly: true });
  const state = {
    integrity: raw.pragma('integrity_check', { simple: true }),
    documents: (raw.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n,
    passages: (raw.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n,
  };
  raw.close();
  return state;
}

describe('wenshu CLI', () => {
  let readmeId = '';

  test('imports README.md and lists it as JSON', () => {
    const imported = wenshu(['import', 'README.md', '--db', db, '--json']);
    expect(imported.code).toBe(0);
    const outcomes = JSON.parse(imported.stdout);
    expect(outcomes).toEqual([
      expect.objectContaining({ file: 'README.md', status: 'imported', id: expect.any(String) }),
    ]);
    readmeId = outcomes[0].id;

    const listed = wenshu(['list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const docs = JSON.parse(listed.stdout);
    expect(Array.isArray(docs)).toBe(true);
    expect(docs).toEqual([expect.objectContaining({ id: readmeId, title: expect.stringMatching(/Wenshu/) })]);
  });

  test('shows a document by a short id', () => {
    const shown = wenshu(['show', readmeId.slice(0, 8), '--db', db, '--json']);
    expect(shown.code).toBe(0);
    const doc = JSON.parse(shown.stdout);
    expect(doc.id).toBe(readmeId);
    expect(doc.passages.length).toBeGreaterThan(3);
    expect(doc.passages[0]).toEqual(expect.objectContaining({ id: `${readmeId}#0`, page: 1, paragraph: 0 }));
  });

  test('a missing file: one-line error, non-zero exit, store intact', () => {
    const before = storeState(db);
    const r = wenshu(['import', 'no-such-file.txt', '--db', db]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['wenshu: File not found: no-such-file.txt']);
    expect(storeState(db)).toEqual(before);
  });

  test('a binary file of an unsupported type: one-line error, non-zero exit, store intact', () => {
    const before = storeState(db);
    const r = wenshu(['import', process.execPath, '--db', db, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'wenshu: node: this kind of file cannot be imported (ELF executable)',
    ]);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ status: 'rejected', reason: expect.objectContaining({ code: 'unsupported_type' }) }),
    ]);
    expect(storeState(db)).toEqual(before);
  });

  test('errors are in Chinese by default', () => {
    const r = wenshu(['import', '不存在.txt', '--db', db], { LANG: 'zh_CN.UTF-8' });
    expect(r.stderr.trim()).toBe('wenshu: 找不到文件：不存在.txt');
  });

  test('a folder imports every file in it, reporting duplicates and rejections per file', () => {
    const folder = path.join(dir, 'incoming');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'a.txt'), '甲文件\n内容');
    fs.writeFileSync(path.join(folder, 'sub', 'b.md'), '# 乙文件\n\n内容');
    fs.copyFileSync(path.join(ROOT, 'README.md'), path.join(folder, 'sub', 'readme-copy.md'));
    fs.writeFileSync(path.join(folder, 'empty.txt'), '');
    const r = wenshu(['import', folder, '--db', db, '--json']);
    expect(r.code).toBe(1);
    const byFile = Object.fromEntries(
      JSON.parse(r.stdout).map((o: { file: string; status: string }) => [path.relative(folder, o.file), o.status]),
    );
    expect(byFile).toEqual({
      'a.txt': 'imported',
      'empty.txt': 'rejected',
      'sub/b.md': 'imported',
      'sub/readme-copy.md': 'duplicate',
    });
  });

  test('show with an unknown id and a bad command fail with non-zero exits', () => {
    const unknown = wenshu(['show', 'ffffffff', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('wenshu: No document ffffffff');
    expect(wenshu(['frobnicate', '--db', db]).code).toBe(2);
  });

  test('WENSHU_DB chooses the store when --db is absent', () => {
    const other = path.join(dir, 'env.db');
    expect(wenshu(['import', 'README.md'], { WENSHU_DB: other }).code).toBe(0);
    expect(JSON.parse(wenshu(['list', '--json'], { WENSHU_DB: other }).stdout)).toHaveLength(1);
  });

  test('a database file that is not a store: one-line error', () => {
    const bogus = path.join(dir, 'bogus.db');
    fs.writeFileSync(bogus, 'x'.repeat(4096));
    const r = wenshu(['list', '--db', bogus]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^wenshu: Cannot open the store: /);
  });

  test('npx wenshu resolves to the package bin', () => {
    const out = execFileSync('npx', ['--no-install', 'wenshu', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
