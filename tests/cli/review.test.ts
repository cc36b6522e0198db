import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { testApp } from '../support/app';
import { ROOT, tempDir } from '../support/temp';

/** The real `wenshu` bin against a store whose drafts the app made (the CLI cannot approve). */
const BIN = path.join(ROOT, 'bin', 'wenshu.cjs');
const dir = tempDir();
const db = path.join(dir, 'review.db');
const app = testApp({ dbPath: db });

function wenshu(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', WENSHU_POLICY: path.join(dir, 'none.json') },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let pending = '';
let approved = '';
beforeAll(() => {
  const make = (prompt: string) =>
    app.review.create({ kind: 'document', tool: 'draft', title: prompt, sources: [] }).id;
  pending = make('待审核的通知');
  app.review.addGeneration(pending, {
    content: { text: '关于开会的通知', fields: {} },
    engine: 'offline',
    model: null,
  });
  approved = make('已审定的通知');
  const draft = app.review.addGeneration(approved, {
    content: { text: '关于召开年度工作会议的通知\n　　定于12月5日召开。', fields: {} },
    engine: 'offline',
    model: null,
  });
  app.review.approve({ id: approved, version: 1, contentHash: draft.versions[0]!.contentHash, acknowledged: [] });
});

test('wenshu drafts --json: id, kind, state, updated for every draft', () => {
  const r = wenshu(['drafts', '--json']);
  expect(r.code).toBe(0);
  const rows = JSON.parse(r.stdout) as { id: string; kind: string; state: string; updated: string }[];
  expect(rows.map((d) => [d.id, d.kind, d.state]).sort()).toEqual(
    [
      [pending, 'document', 'draft'],
      [approved, 'document', 'approved'],
    ].sort(),
  );
  for (const d of rows) expect(Date.parse(d.updated)).not.toBeNaN();
  expect(r.stdout).not.toContain('关于召开年度工作会议'); // a listing, never the content
});

test('wenshu export: not approved → exit 3 and no file', () => {
  const out = path.join(dir, 'pending.docx');
  const r = wenshu(['export', pending.slice(0, 8), '--format', 'docx', '--out', out]);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/not been approved/);
  expect(fs.existsSync(out)).toBe(false);
});

test('wenshu export: the approved draft as docx, with the visible label and the AIGC property', async () => {
  const out = path.join(dir, 'approved.docx');
  const r = wenshu(['export', approved, '--format', 'docx', '--out', out]);
  expect(r.code).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const document = await zip.file('word/document.xml')!.async('string');
  expect(document).toContain('本文件包含人工智能生成内容，请核实后使用');
  expect(document).toContain('定于12月5日召开。');
  const custom = await zip.file('docProps/custom.xml')!.async('string');
  expect(custom).toContain(`${approved}#v1`);
  const exported = app.audit
    .list({ kind: 'content_exported', limit: 10, offset: 0 })
    .entries.map((e) => e.data.outcome);
  expect(exported.sort()).toEqual(['not_approved', 'ok']);
});

test('wenshu metrics --json: counts for the week, no content; there is no approve command', () => {
  const r = wenshu(['metrics', '--json']);
  expect(r.code).toBe(0);
  const metrics = JSON.parse(r.stdout) as { weeks: { tool: string; created: number; approved: number }[] };
  expect(metrics.weeks).toEqual([expect.objectContaining({ tool: 'draft', created: 2, approved: 1 })]);
  expect(wenshu(['approve', pending]).code).toBe(2);
});
