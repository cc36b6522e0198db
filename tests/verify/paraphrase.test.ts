/**
 * The verifier on paraphrased summaries (paraphrases.ts): how many true sentences it flags when a
 * model rewords them, and how many wrong ones it still catches. Prints the table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTextDocument } from '../../electron/ingest/text-document';
import { SourceIndex } from '../../shared/verify/verify';
import type { SentenceVerdict } from '../../shared/verify/types';
import { PARAPHRASED } from './paraphrases';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'gongwen');

function sourceIndex(document: string): SourceIndex {
  const parsed = parseTextDocument(fs.readFileSync(path.join(FIXTURES, document)), document, 'txt');
  return new SourceIndex(
    parsed.passages.map((p) => ({
      label: `P${p.seq + 1}`,
      id: `${document}#${p.seq}`,
      documentId: document,
      text: p.text,
    })),
  );
}

const results = PARAPHRASED.map((s) => ({
  ...s,
  verdicts: sourceIndex(s.document).verify(s.summary, { requireCitations: true }),
}));
const tally = (kind: 'correct' | 'corrupted', origin?: string) => {
  const verdicts: SentenceVerdict[] = results
    .filter((r) => r.kind === kind && (!origin || r.origin === origin))
    .flatMap((r) => r.verdicts);
  return { n: verdicts.length, flagged: verdicts.filter((v) => v.verdict !== 'supported').length };
};

afterAll(() => {
  const row = (label: string, t: { n: number; flagged: number }) =>
    `| ${label} | ${t.n} | ${t.flagged} | ${((t.flagged / t.n) * 100).toFixed(1)}% |`;
  const odd = results.flatMap((r) =>
    r.verdicts
      .filter((v) => (v.verdict !== 'supported') !== (r.kind === 'corrupted'))
      .map(
        (v) =>
          `  ${r.kind === 'correct' ? 'flagged' : 'missed'} (${r.origin}): ${v.text} ${v.problems.map((p) => p.detail).join('; ')}`,
      ),
  );
  const lines = [
    '',
    'Grounding verifier on paraphrased summaries',
    '| sentences | n | flagged | rate |',
    '| --- | --- | --- | --- |',
    row('correct, calibration', tally('correct', 'calibration')),
    row('correct, held-out', tally('correct', 'held-out')),
    row('corrupted, held-out', tally('corrupted', 'held-out')),
    ...odd,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
});

test('flags few true sentences a model reworded (≤ 10%)', () => {
  const t = tally('correct');
  expect(t.n).toBeGreaterThanOrEqual(70);
  expect(t.flagged / t.n).toBeLessThanOrEqual(0.1);
});

test('still catches most wrong ones (≥ 85%)', () => {
  const t = tally('corrupted');
  expect(t.n).toBeGreaterThanOrEqual(18);
  expect(t.flagged / t.n).toBeGreaterThanOrEqual(0.85);
});
