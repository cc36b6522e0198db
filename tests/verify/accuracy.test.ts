/**
 * The verifier over the labelled set (labelled-set.ts): corrupted sentences must be flagged
 * (verdict ≠ supported), correct ones not. Prints the confusion table per kind.
 */
import { SourceIndex } from '../../shared/verify/verify';
import type { ProblemKind } from '../../shared/verify/types';
import { CLEAN_KINDS, CORRUPT_KINDS, buildLabelledSet } from './labelled-set';
import type { ItemKind, LabelledItem } from './labelled-set';

/** The problem a corruption of each kind should be reported as. */
const REASON: Record<(typeof CORRUPT_KINDS)[number], ProblemKind[]> = {
  number: ['number', 'unit'],
  percent: ['percent', 'unit'],
  amount: ['amount', 'unit'],
  unit: ['unit'],
  date: ['date'],
  place: ['entity'],
  invented: ['no_support'],
};

interface Row {
  kind: ItemKind;
  n: number;
  flagged: number;
  contradicted: number;
  reason: number;
}

const set = buildLabelledSet();
const indexes = new Map([...set.documents].map(([name, passages]) => [name, new SourceIndex(passages)]));
const rows = new Map<ItemKind, Row>();
const misses: LabelledItem[] = [];

for (const item of set.items) {
  const verdicts = indexes.get(item.document)!.verify(item.summary, { requireCitations: true });
  const flagged = verdicts.some((v) => v.verdict !== 'supported');
  const row = rows.get(item.kind) ?? { kind: item.kind, n: 0, flagged: 0, contradicted: 0, reason: 0 };
  row.n++;
  if (flagged) row.flagged++;
  if (verdicts.some((v) => v.verdict === 'contradicted')) row.contradicted++;
  const expected = REASON[item.kind as keyof typeof REASON];
  if (expected && verdicts.some((v) => v.problems.some((p) => expected.includes(p.kind)))) row.reason++;
  const clean = (CLEAN_KINDS as readonly string[]).includes(item.kind);
  if (flagged === clean) misses.push(item);
  rows.set(item.kind, row);
}

const rate = (a: number, b: number) => (b === 0 ? 0 : a / b);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const total = (kinds: readonly ItemKind[]) =>
  [...rows.values()]
    .filter((r) => kinds.includes(r.kind))
    .reduce((a, r) => ({ n: a.n + r.n, flagged: a.flagged + r.flagged }), { n: 0, flagged: 0 });

afterAll(() => {
  const lines = [
    '',
    'Grounding verifier on the labelled set (real 公文 texts, shared/fixtures/real/gongwen)',
    '| kind | n | flagged | rate | contradicted | for the intended reason |',
    '| --- | --- | --- | --- | --- | --- |',
    ...[...CLEAN_KINDS, ...CORRUPT_KINDS].map((kind) => {
      const r = rows.get(kind)!;
      const reason = kind in REASON ? pct(rate(r.reason, r.n)) : '—';
      return `| ${kind} | ${r.n} | ${r.flagged} | ${pct(rate(r.flagged, r.n))} | ${r.contradicted} | ${reason} |`;
    }),
  ];
  const clean = total(CLEAN_KINDS);
  const corrupt = total(CORRUPT_KINDS);
  lines.push(
    `| correct (supported + notation) | ${clean.n} | ${clean.flagged} | ${pct(rate(clean.flagged, clean.n))} | | |`,
    `| corrupted (all kinds) | ${corrupt.n} | ${corrupt.flagged} | ${pct(rate(corrupt.flagged, corrupt.n))} | | |`,
    ...misses.map((m) => `  miss (${m.kind}, ${m.variant}): ${m.summary}`),
    '',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
});

describe('the labelled set', () => {
  test('is large and varied, and every corrupted kind is well represented where the texts allow', () => {
    expect(set.items.length).toBeGreaterThanOrEqual(600);
    expect(new Set(set.items.filter((i) => i.source).map((i) => i.source)).size).toBeGreaterThanOrEqual(300);
    expect(new Set(set.items.map((i) => i.document)).size).toBe(set.documents.size);
    for (const kind of CORRUPT_KINDS) expect(rows.get(kind)!.n).toBeGreaterThanOrEqual(kind === 'amount' ? 30 : 60);
    expect(rows.get('supported')!.n + rows.get('notation')!.n).toBeGreaterThanOrEqual(300);
  });

  test('is deterministic', () => {
    expect(buildLabelledSet().items).toEqual(set.items);
  });
});

describe('the verifier on the labelled set', () => {
  test.each(CORRUPT_KINDS)('flags ≥ 95%% of %s corruptions', (kind) => {
    const r = rows.get(kind)!;
    expect(rate(r.flagged, r.n)).toBeGreaterThanOrEqual(0.95);
  });

  test('flags ≥ 95% of all corrupted sentences', () => {
    const corrupt = total(CORRUPT_KINDS);
    expect(rate(corrupt.flagged, corrupt.n)).toBeGreaterThanOrEqual(0.95);
  });

  test('flags ≤ 5% of correct sentences (verbatim, compressed, or in another notation)', () => {
    const clean = total(CLEAN_KINDS);
    expect(rate(clean.flagged, clean.n)).toBeLessThanOrEqual(0.05);
    for (const kind of CLEAN_KINDS) expect(rate(rows.get(kind)!.flagged, rows.get(kind)!.n)).toBeLessThanOrEqual(0.05);
  });
});
