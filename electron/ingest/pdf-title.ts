import { clipTitle, couldBeTitle } from './passages';
import { bodySize } from './pdf-layout';
import type { Paragraph } from './pdf-layout';

// Info /Title values that name a tool, a template or a file rather than the document.
const PLACEHOLDER =
  /^(untitled|无标题|未命名|about:blank|document\s*\d*|文档\s*\d*|slide\s*\d*|powerpoint presentation)$/i;
const TOOL_PREFIX = /^microsoft (word|powerpoint|excel)\s*-\s*/i;
const FILE_EXTENSION = /\.(docx?|wps|pdf|rtf|odt|txt)$/i;

/** The Info dictionary's /Title when it names the document ("Microsoft Word - 通知.docx" → 通知). */
export function infoTitle(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const title = raw.replace(/\s+/g, ' ').trim().replace(TOOL_PREFIX, '').replace(FILE_EXTENSION, '').trim();
  if (title.length < 2 || PLACEHOLDER.test(title) || /^(https?|file):/i.test(title) || /[\\/]/.test(title)) return null;
  return /[\p{L}\p{N}]/u.test(title) ? clipTitle(title) : null;
}

/**
 * The first page with text names the document by its most prominent paragraph (a title is set
 * larger than the body) or else by its first paragraph, unless that is a salutation (各位代表：)
 * or a long sentence, as for TXT.
 */
export function layoutTitle(pages: Paragraph[][]): string | null {
  const page = pages.find((p) => p.length > 0);
  if (!page) return null;
  const body = bodySize(page);
  const largest = Math.max(...page.map((p) => p.size));
  const prominent = largest >= 1.15 * body ? page.find((p) => p.size === largest) : undefined;
  if (prominent) return clipTitle(prominent.text);
  const first = page[0]!.text;
  return couldBeTitle(first) ? clipTitle(first) : null;
}
