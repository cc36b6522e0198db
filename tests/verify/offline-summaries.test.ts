/**
 * Wenshu's offline summaries quote their sources verbatim, in the layout the verifier reads
 * (【要点】, 【重要日期】 lines that lead with a date …): every sentence of them must be supported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTextDocument } from '../../electron/ingest/text-document';
import { offlineSummary } from '../../shared/summarize/offline';
import { verifySummary } from '../../shared/verify/verify';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'gongwen');
const files = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

test.each(files)('%s', (file) => {
  const parsed = parseTextDocument(fs.readFileSync(path.join(FIXTURES, file)), file, 'txt');
  const passages = parsed.passages.map((p) => ({
    label: `P${p.seq + 1}`,
    id: `${file}#${p.seq}`,
    documentId: file,
    text: p.text,
  }));
  for (const preset of ['one_sentence', 'key_points', 'detailed'] as const) {
    const verdicts = verifySummary(offlineSummary(passages, preset), passages, { requireCitations: true });
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.filter((v) => v.verdict !== 'supported' || v.problems.length > 0)).toEqual([]);
  }
});
