import fs from 'node:fs';
import path from 'node:path';
import { makePdf } from '../../ingest/support/make-pdf';

const GONGWEN = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'real', 'gongwen');

const ENGLISH = [
  'The State Council called for steady progress in reform and opening up, with priority given to employment, prices and the stability of supply chains.',
  'Local governments shall publish the list of administrative licensing items and review it every year, so that enterprises know which approvals remain.',
  'All departments are requested to report on implementation before the end of the quarter, including difficulties encountered and suggestions for improvement.',
  'Public services should be delivered online wherever possible, while keeping counters open for citizens who cannot use digital channels.',
];

/** Body paragraphs of the real 公文 texts in the shared fixtures, in a fixed order. */
function chineseParagraphs(): string[] {
  return fs
    .readdirSync(GONGWEN)
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(GONGWEN, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length >= 20);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * HTML for `pages` A4 pages of about 1,700 characters each: a heading, 公文 body paragraphs
 * (2-character indent) and one English paragraph per page, each page closed by a page break.
 */
export function corpusHtml(pages: number): string {
  const zh = chineseParagraphs();
  let next = 0;
  const take = (budget: number) => {
    const out: string[] = [];
    while (budget > 0) {
      const p = zh[next++ % zh.length]!.slice(0, Math.max(budget, 60));
      out.push(p);
      budget -= p.length;
    }
    return out;
  };
  const sections = Array.from({ length: pages }, (_, i) => {
    const heading = `第${i + 1}部分\u3000工作安排`;
    const body = take(1380)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
    const en = `<p class="en">${escapeHtml(`${ENGLISH[i % ENGLISH.length]} ${ENGLISH[(i + 1) % ENGLISH.length]}`)}</p>`;
    return `<section><h2>${heading}</h2>${body}${en}</section>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>文书导入基准文档</title><style>
body{font-family:"Noto Serif CJK SC",serif;font-size:10.5pt;line-height:1.5;margin:0}
section{break-after:page;height:100%;overflow:hidden}
h2{font-size:14pt;font-family:"Noto Sans CJK SC",sans-serif;font-weight:normal;margin:0 0 6pt}
p{text-indent:2em;margin:0;text-align:justify}
p.en{text-indent:0;margin:4pt 0;font-family:"Noto Serif",serif}
</style></head><body>${sections.join('\n')}</body></html>`;
}

/** The benchmark PDF with `pages` pages (generated once by Chromium, then cached). */
export const corpusPdf = (pages: number): Promise<Uint8Array> => makePdf(corpusHtml(pages));
