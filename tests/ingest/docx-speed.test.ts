import path from 'node:path';
import mammoth from 'mammoth';
import { parseDocx } from '../../electron/ingest/docx';
import { FIXTURES } from '../support/temp';
import { docxParts, gongwenBody, zipOf } from './support/docx-zip';

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

test('a 300-page document costs about what mammoth alone costs: nothing quadratic on top', async () => {
  const bytes = await zipOf(docxParts(gongwenBody(path.join(FIXTURES, 'gongwen'), 530_000)), 'STORE');
  // Interleaved, best of two each: the machine running the suite is shared.
  let mammothMs = Infinity;
  let parseMs = Infinity;
  for (let i = 0; i < 2; i++) {
    mammothMs = Math.min(mammothMs, await timed(() => mammoth.convertToHtml({ buffer: bytes })));
    parseMs = Math.min(parseMs, await timed(() => parseDocx(bytes, 'big.docx')));
  }
  expect(parseMs).toBeLessThan(2 * mammothMs + 200);
  const doc = await parseDocx(bytes, 'big.docx');
  expect(doc.text.length).toBeGreaterThan(530_000);
  expect(doc.passages.every((p) => doc.text.slice(p.start, p.end) === p.text)).toBe(true);
}, 60_000);
