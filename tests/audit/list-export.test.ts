import path from 'node:path';
import { AuditService, CSV_HEADER } from '../../electron/services/audit-service';
import { AuditRepo } from '../../electron/store/audit-repo';
import { openDatabase } from '../../electron/store/database';
import { AuditEntry } from '../../shared/domain/audit';
import { tempDir } from '../support/temp';
import { ZERO, canon, hashOf, sampleEntry, tickingClock } from './support';

const dir = tempDir();
/** 40 entries, six hours apart from 2026-03-01 08:00 UTC (so 4 a day, 10 days); actors alternate. */
const db = openDatabase({ file: path.join(dir, 'list.db') });
let who = 0;
const audit = new AuditService(
  new AuditRepo(db),
  () => (who++ % 2 === 0 ? '张三' : 'CORP\\wang.wu'),
  tickingClock(Date.parse('2026-03-01T08:00:00.000Z'), 6 * 3600_000),
);
for (let i = 0; i < 40; i++) audit.append(sampleEntry(i).kind, sampleEntry(i).data);
afterAll(() => db.close());

/** RFC 4180: fields split on commas, quoted fields may hold commas, CRLF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) throw new Error('the last line has no CRLF');
  return rows;
}

/** Checks a run of entries link to each other and each hashes by the documented formula. */
function checkChain(
  entries: {
    seq: number;
    at: string;
    actor: string;
    kind: string;
    data: Record<string, unknown>;
    prevHash: string;
    hash: string;
  }[],
  firstPrev: string,
) {
  let prev = firstPrev;
  for (const e of entries) {
    expect(e.prevHash).toBe(prev);
    expect(hashOf(e.prevHash, e)).toBe(e.hash);
    prev = e.hash;
  }
}

function exported(format: 'jsonl' | 'csv', since?: string) {
  const chunks: string[] = [];
  const rows = audit.export({ format, since }, (c) => chunks.push(c));
  return { rows, text: chunks.join(''), chunks };
}

describe('list', () => {
  test('newest first, paged, with the total', () => {
    const first = audit.list({ limit: 5 });
    expect(first.total).toBe(40);
    expect(first.entries.map((e) => e.seq)).toEqual([40, 39, 38, 37, 36]);
    expect(audit.list({ limit: 5, offset: 35 }).entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(audit.list({ limit: 5, offset: 40 })).toEqual({ entries: [], total: 40 });
    for (const e of first.entries) expect(AuditEntry.parse(e)).toEqual(e);
  });

  test('by kind', () => {
    const page = audit.list({ kind: 'settings_change', limit: 3 });
    expect(page.total).toBe(10);
    expect(page.entries.map((e) => [e.seq, e.kind])).toEqual([
      [38, 'settings_change'],
      [34, 'settings_change'],
      [30, 'settings_change'],
    ]);
  });

  test('by day, both ends inclusive (UTC)', () => {
    // 03-01 holds entries 1–3 (08:00, 14:00, 20:00); each later day four, from 02:00.
    const day = audit.list({ from: '2026-03-02', to: '2026-03-02', limit: 100 });
    expect(day.entries.map((e) => e.at)).toEqual([
      '2026-03-02T20:00:00.000Z',
      '2026-03-02T14:00:00.000Z',
      '2026-03-02T08:00:00.000Z',
      '2026-03-02T02:00:00.000Z',
    ]);
    expect(audit.list({ from: '2026-03-10' }).total).toBe(5);
    expect(audit.list({ to: '2026-03-01' }).total).toBe(3);
    expect(audit.list({ from: '2026-03-05', to: '2026-03-04' }).total).toBe(0);
  });

  test('by text in the actor or the data, Chinese, case and quotes included', () => {
    expect(audit.list({ text: 'wang.wu' }).total).toBe(20);
    expect(audit.list({ text: 'CORP\\WANG' }).total).toBe(20);
    expect(audit.list({ text: '张三' }).total).toBe(20);
    expect(audit.list({ text: 'endpoint_timeout' }).total).toBe(5);
    expect(audit.list({ text: '策略6' }).entries.map((e) => e.seq)).toEqual([7]);
    expect(audit.list({ text: '"引号"' }).total).toBe(10);
    expect(audit.list({ text: '100%' }).total).toBe(0);
    expect(audit.list({ text: 'qwen', kind: 'model_call', from: '2026-03-05' }).entries.map((e) => e.seq)).toEqual([
      37, 33, 29, 25, 21, 17,
    ]);
  });

  test('an invalid query is refused', () => {
    expect(() => audit.list({ from: '2026-13-01' })).toThrow();
    expect(() => audit.list({ limit: 0 })).toThrow();
  });
});

describe('export', () => {
  test('JSON Lines: one AuditEntry per line, oldest first, and the chain re-verifies from the file alone', () => {
    const { rows, text } = exported('jsonl');
    expect(rows).toBe(40);
    expect(text.endsWith('\n')).toBe(true);
    const entries = text
      .trimEnd()
      .split('\n')
      .map((line) => AuditEntry.parse(JSON.parse(line)));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(entries.at(-1)).toEqual(audit.list({ limit: 1 }).entries[0]);
    checkChain(entries, ZERO);
    expect(entries.at(-1)!.hash).toBe(audit.verify().head);
  });

  test('CSV: BOM, header, CRLF lines, RFC 4180 quoting; data is canonical JSON and the chain re-verifies', () => {
    const { rows, text } = exported('csv');
    expect(rows).toBe(40);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const table = parseCsv(text.slice(1));
    expect(table[0]).toEqual([...CSV_HEADER]);
    expect(table[0]!.join(',')).toBe('seq,at,actor,kind,data,prev_hash,hash');
    expect(table).toHaveLength(41);
    const entries = table.slice(1).map(([seq, at, actor, kind, data, prevHash, hash]) => {
      expect(canon(JSON.parse(data!))).toBe(data);
      return {
        seq: Number(seq),
        at: at!,
        actor: actor!,
        kind: kind!,
        data: JSON.parse(data!),
        prevHash: prevHash!,
        hash: hash!,
      };
    });
    const listed = audit.list({ limit: 1000 }).entries.reverse();
    expect(entries).toEqual(listed);
    checkChain(entries, ZERO);
    // A field with a quote and a comma is quoted, its quotes doubled.
    expect(text).toContain(
      '"{""action"":""stored"",""note"":""第3次 \\""引号\\"", 逗号"",""storage"":""safeStorage""}"',
    );
    expect(text).toContain('\r\n4,2026-03-02T02:00:00.000Z,CORP\\wang.wu,api_key_change,"{');
  });

  test('--since: entries from that day on, still linked to the one before', () => {
    const { rows, text } = exported('jsonl', '2026-03-09');
    expect(rows).toBe(9);
    const entries = text
      .trimEnd()
      .split('\n')
      .map((line) => AuditEntry.parse(JSON.parse(line)));
    expect(entries.map((e) => e.seq)).toEqual([32, 33, 34, 35, 36, 37, 38, 39, 40]);
    expect(entries.every((e) => e.at >= '2026-03-09')).toBe(true);
    const before = audit.list({ limit: 1, offset: 40 - 31 }).entries[0]!;
    expect(before.seq).toBe(31);
    checkChain(entries, before.hash);

    const csv = exported('csv', '2026-03-10');
    expect(csv.rows).toBe(5);
    expect(
      parseCsv(csv.text.slice(1))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['36', '37', '38', '39', '40']);
    expect(exported('csv', '2027-01-01')).toEqual({
      rows: 0,
      text: '\uFEFFseq,at,actor,kind,data,prev_hash,hash\r\n',
      chunks: ['\uFEFFseq,at,actor,kind,data,prev_hash,hash\r\n'],
    });
    expect(exported('jsonl', '2027-01-01')).toEqual({ rows: 0, text: '', chunks: [] });
  });

  test('a bad date or format is refused before anything is written', () => {
    const write = jest.fn();
    expect(() => audit.export({ format: 'jsonl', since: '2026-3-1' }, write)).toThrow(
      expect.objectContaining({ code: 'invalid_input', params: { field: 'since' } }),
    );
    expect(() => audit.export({ format: 'xml' as never }, write)).toThrow(
      expect.objectContaining({ code: 'invalid_input', params: { field: 'format' } }),
    );
    expect(write).not.toHaveBeenCalled();
  });

  test('a large log is written in chunks, not one string', () => {
    const big = openDatabase({ file: path.join(dir, 'big.db') });
    const service = new AuditService(new AuditRepo(big), () => 'x', tickingClock());
    big.transaction(() => {
      for (let i = 0; i < 3000; i++) service.append(sampleEntry(i).kind, sampleEntry(i).data);
    })();
    const chunks: string[] = [];
    expect(service.export({ format: 'jsonl' }, (c) => chunks.push(c))).toBe(3000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
    expect(chunks.join('').split('\n')).toHaveLength(3001);
    big.close();
  });
});
