import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { createApp } from '../../electron/app/create-app';
import { registerAuditCommands } from '../../electron/cli/commands/audit';
import type { CliContext } from '../../electron/cli/context';
import { main } from '../../electron/cli/index';
import { parseFile } from '../../electron/ingest/parse-file';
import { AuditEntry } from '../../shared/domain/audit';
import { tempDir } from '../support/temp';
import { N, TAMPER_CASES } from './cases';
import { ZERO, hashOf, sampleEntry, tamper } from './support';

const dir = tempDir();
/** No machine policy: the app records that once, at the first open, and never again. */
const POLICY = path.join(dir, 'no-policy.json');
let n = 0;

/**
 * A store the way the app leaves it: opened by the app (which records the policy state as entry
 * 1), then N − 1 more entries. Later opens (each CLI run) find the same policy and append nothing.
 */
async function appLog(count = N): Promise<string> {
  const file = path.join(dir, `cli-${n++}.db`);
  const app = createApp({
    dbPath: file,
    shell: 'cli',
    ingest: { parse: parseFile },
    log: () => {},
    env: { WENSHU_POLICY: POLICY },
  });
  for (let i = 1; i < count; i++) {
    // The app records a policy state whenever it differs from the last one audited: no others here.
    const { kind, data } = sampleEntry(i % 4 === 2 ? i + 1 : i);
    app.audit.append(kind, data);
  }
  await app.close();
  return file;
}

async function wenshu(args: string[], lang = 'en_US.UTF-8') {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    env: { LANG: lang, WENSHU_POLICY: POLICY },
  });
  return { code, stdout, stderr };
}

describe('wenshu audit verify', () => {
  test('an intact log: exit 0, the count and the head hash', async () => {
    const file = await appLog();
    const r = await wenshu(['audit', 'verify', '--db', file]);
    expect(r).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^Audit log intact: 20 entries, head hash [0-9a-f]{64}\n$/),
      stderr: '',
    });
    const json = await wenshu(['audit', 'verify', '--db', file, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      count: N,
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
      brokenAt: null,
      reason: null,
      brokenEntry: null,
    });
    // Verifying appends nothing.
    expect((await wenshu(['audit', 'verify', '--db', file, '--json'])).stdout).toBe(json.stdout);
    const zh = await wenshu(['audit', 'verify', '--db', file], 'zh_CN.UTF-8');
    expect(zh.stdout).toMatch(/^审计日志完整：共 20 条记录，末条哈希 [0-9a-f]{64}\n$/);
  });

  test.each(TAMPER_CASES)('$name: exit 1 naming entry $brokenAt', async ({ edit, brokenAt, reason, missing }) => {
    const file = await appLog();
    tamper(file, edit);
    const r = await wenshu(['audit', 'verify', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(
      missing
        ? new RegExp(`^wenshu: Audit log broken at entry ${brokenAt} \\(missing\\): `)
        : new RegExp(
            `^wenshu: Audit log broken at entry ${brokenAt} \\(\\d{4}-\\d\\d-\\d\\dT[^,]+, [A-Za-z ]+, [^)]+\\): `,
          ),
    );
    const json = await wenshu(['audit', 'verify', '--db', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual(expect.objectContaining({ ok: false, brokenAt, reason }));
  });

  test('in Chinese by default: the seq, time, kind and why', async () => {
    const file = await appLog();
    tamper(file, (raw) =>
      raw.prepare(`UPDATE audit_log SET data = replace(data, 'maxImportMb', 'locale') WHERE seq = 2`).run(),
    );
    const r = await wenshu(['audit', 'verify', '--db', file], 'zh_CN.UTF-8');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^wenshu: 审计日志校验失败：第 2 条记录（\d{4}-\d\d-\d\dT[\d:.]+Z，设置变更，[^）]+）内容被改动（哈希不符）。此前 1 条记录完好。\n$/,
    );
  });
});

describe('wenshu audit export', () => {
  test('JSON Lines to standard output; CSV to a file; --since; the chain checks out from the file', async () => {
    const file = await appLog();
    const jsonl = await wenshu(['audit', 'export', '--format', 'jsonl', '--db', file]);
    expect(jsonl.code).toBe(0);
    const entries = jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((l) => AuditEntry.parse(JSON.parse(l)));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    let prev = ZERO;
    for (const e of entries) {
      expect(e.prevHash).toBe(prev);
      expect(hashOf(prev, e)).toBe(e.hash);
      prev = e.hash;
    }
    expect(entries[0]!.kind).toBe('policy_loaded');

    const out = path.join(dir, '审计导出.csv');
    const csv = await wenshu(['audit', 'export', '--format', 'csv', '--out', out, '--db', file, '--json']);
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout)).toEqual({ rows: N, file: out, format: 'csv' });
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe('seq,at,actor,kind,data,prev_hash,hash');
    expect(text.split('\r\n')).toHaveLength(N + 2);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);

    const human = await wenshu(['audit', 'export', '--format', 'jsonl', '--out', out, '--db', file], 'zh_CN.UTF-8');
    expect(human.stdout).toBe(`已导出 ${N} 条记录到 ${out}\n`);

    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await wenshu(['audit', 'export', '--format', 'jsonl', '--since', today, '--db', file])).stdout.split('\n'),
    ).toHaveLength(N + 1);
    expect(await wenshu(['audit', 'export', '--format', 'jsonl', '--since', '2999-01-01', '--db', file])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  test('usage errors exit 2: no format, an unknown format, a date that is not YYYY-MM-DD', async () => {
    const file = await appLog(1);
    for (const args of [
      ['audit', 'export'],
      ['audit', 'export', '--format', 'xml'],
      ['audit', 'export', '--format', 'csv', '--since', '1/3/2026'],
      ['audit', 'export', '--format', 'csv', '--since', '2026-02-30'],
    ]) {
      const r = await wenshu([...args, '--db', file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  test('an output file that cannot be written: exit 1, nothing left behind', async () => {
    const file = await appLog(1);
    const r = await wenshu([
      'audit',
      'export',
      '--format',
      'csv',
      '--out',
      path.join(dir, 'no', 'such', 'dir', 'x.csv'),
      '--db',
      file,
    ]);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^wenshu: cannot write .*x\.csv \(ENOENT\)\n$/),
    });
  });
});

describe('registerAuditCommands', () => {
  test('runs over any AuditService it is given', async () => {
    const out: string[] = [];
    let exit = 0;
    const verify = jest.fn(() => ({
      ok: false,
      count: 4,
      head: null,
      brokenAt: 5,
      reason: 'prev_mismatch' as const,
      brokenEntry: { at: '2026-03-01T08:00:00.000Z', kind: 'model_call', actor: '张三' },
    }));
    const ctx = {
      io: { out: (t: string) => out.push(t), err: (t: string) => out.push(t), env: {} },
      locale: 'zh-CN',
      json: () => false,
      open: () => {
        throw new Error('not used');
      },
      print: (_json: unknown, human: string) => out.push(human),
      say: (e: { message: string }) => e.message,
      setExitCode: (code: number) => void (exit = code),
    } as unknown as CliContext;
    const program = new Command().exitOverride();
    registerAuditCommands(program, ctx, () => ({ verify }) as never);
    await program.parseAsync(['audit', 'verify'], { from: 'user' });
    expect(exit).toBe(1);
    expect(out).toEqual([
      'wenshu: 审计日志校验失败：第 5 条记录（2026-03-01T08:00:00.000Z，模型调用，张三）与前一条记录不衔接（有记录被删除、插入或调换顺序）。此前 4 条记录完好。\n',
    ]);
  });
});
