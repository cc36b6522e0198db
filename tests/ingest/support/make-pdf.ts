import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../../support/chromium';

const CACHE = path.join(os.tmpdir(), 'wenshu-pdf-cache');

export interface PdfLayout {
  /** CSS margins of the A4 page, e.g. '20mm'. */
  margin?: string;
}

/**
 * Prints HTML to PDF with the system Chromium (Skia's PDF backend, as Chrome and many office
 * tools produce). Outputs are cached by content hash in the OS temp dir: generating a 300-page
 * file takes seconds, reading it back milliseconds.
 */
export async function makePdf(html: string, layout: PdfLayout = {}): Promise<Uint8Array> {
  const margin = layout.margin ?? '20mm';
  const key = createHash('sha256').update(`${margin}\n${html}`).digest('hex').slice(0, 32);
  const file = path.join(CACHE, `${key}.pdf`);
  if (fs.existsSync(file)) return new Uint8Array(fs.readFileSync(file));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({ format: 'A4', margin: { top: margin, bottom: margin, left: margin, right: margin } });
    fs.mkdirSync(CACHE, { recursive: true });
    // Write then rename, so a concurrent suite never reads half a file.
    const partial = `${file}.${process.pid}.part`;
    fs.writeFileSync(partial, pdf);
    fs.renameSync(partial, file);
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface Block {
  kind: 'title' | 'heading' | 'body' | 'english';
  text: string;
}

/**
 * A 公文-like page style: a centred title in a larger size, body paragraphs with the 2-character
 * first-line indent of GB/T 9704, and English paragraphs without indent.
 */
export function documentHtml(
  title: string,
  blocks: Block[],
  options: { fontPt?: number; pageBreakEvery?: number } = {},
): string {
  const font = options.fontPt ?? 16;
  const body = blocks
    .map((b, i) => {
      const tag = b.kind === 'title' ? 'h1' : b.kind === 'heading' ? 'h2' : 'p';
      const cls = b.kind === 'english' ? ' class="en"' : '';
      const brk =
        options.pageBreakEvery && i > 0 && i % options.pageBreakEvery === 0 ? ' style="break-before:page"' : '';
      return `<${tag}${cls}${brk}>${escapeHtml(b.text)}</${tag}>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{font-family:"Noto Serif CJK SC",serif;font-size:${font}pt;line-height:1.5;margin:0}
h1{font-size:${Math.round(font * 1.4)}pt;text-align:center;font-weight:normal;margin:0 0 ${font}pt}
h2{font-size:${font}pt;font-family:"Noto Sans CJK SC",sans-serif;font-weight:normal;margin:${font / 2}pt 0 0}
p{text-indent:2em;margin:0;text-align:justify}
p.en{text-indent:0;margin:${font / 2}pt 0;font-family:"Noto Serif",serif;text-align:left}
</style></head><body>
${body}
</body></html>`;
}
