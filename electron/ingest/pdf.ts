import type { PDFDocumentProxy } from 'pdfjs-dist';
import { AppError } from '../../shared/errors';
import type { ParsedDocument } from './parsed';
import { paragraphs } from './pdf-layout';
import type { Paragraph } from './pdf-layout';
import { textLines } from './pdf-lines';
import { infoTitle, layoutTitle } from './pdf-title';
import { openPdf } from './pdfjs';
import { cutRange, fileTitle } from './passages';

export interface PageRange {
  /** 1-based, inclusive. */
  from: number;
  to: number;
}

export interface PdfOptions {
  password?: string;
  /**
   * Parse only these pages (the pool splits large files), or the range a function picks once the
   * page count is known; `pageCount` stays the whole document's.
   */
  pages?: PageRange | ((pageCount: number) => PageRange | Promise<PageRange>);
}

async function pageParagraphs(doc: PDFDocumentProxy, n: number, file: string): Promise<Paragraph[]> {
  try {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.filter((i) => 'str' in i); // not marked-content markers
    page.cleanup();
    return paragraphs(textLines(items));
  } catch (err) {
    const detail = `page ${n}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 200);
    throw new AppError('parse_failed', `${file}: ${detail}`, { file, detail });
  }
}

async function documentTitle(doc: PDFDocumentProxy): Promise<string | null> {
  const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
  return infoTitle((info as { Title?: unknown }).Title);
}

/**
 * Text of the pages (paragraphs on lines, pages joined by \f) and one passage per paragraph,
 * cut when very long. Offsets count from the first page parsed.
 */
function assemble(pages: Paragraph[][], firstPage: number): Pick<ParsedDocument, 'text' | 'passages'> {
  const passages: ParsedDocument['passages'] = [];
  const pageTexts = pages.map((paras) => paras.map((p) => p.text).join('\n'));
  let pageStart = 0;
  pages.forEach((paras, i) => {
    let at = pageStart;
    paras.forEach(({ text }, paragraph) => {
      for (const [s, e] of cutRange([0, text.length], text)) {
        passages.push({
          seq: passages.length,
          page: firstPage + i,
          paragraph,
          start: at + s,
          end: at + e,
          text: text.slice(s, e),
        });
      }
      at += text.length + 1;
    });
    pageStart += pageTexts[i]!.length + 1;
  });
  return { text: pageTexts.join('\f'), passages };
}

/**
 * Extracts a PDF's text layer with pdfjs: lines rebuilt from glyph positions, paragraphs from
 * line geometry, passages = paragraphs. Pages without text (scans) yield no passages; a document
 * where no page has text is `textLayer: false` ("OCR needed").
 */
export async function parsePdf(bytes: Uint8Array, fileName: string, options: PdfOptions = {}): Promise<ParsedDocument> {
  const doc = await openPdf(bytes, fileName, options.password);
  try {
    const pageCount = doc.numPages;
    const range = typeof options.pages === 'function' ? await options.pages(pageCount) : options.pages;
    const from = Math.max(1, range?.from ?? 1);
    const to = Math.min(pageCount, range?.to ?? pageCount);
    const pages: Paragraph[][] = [];
    for (let n = from; n <= to; n++) pages.push(await pageParagraphs(doc, n, fileName));
    const title = from === 1 ? ((await documentTitle(doc)) ?? layoutTitle(pages)) : null;
    return {
      kind: 'pdf',
      title: title ?? fileTitle(fileName),
      encoding: null,
      pageCount,
      ...assemble(pages, from),
      textLayer: pages.some((p) => p.length > 0),
    };
  } finally {
    await doc.destroy();
  }
}
