import { randomInt } from 'node:crypto';
import * as fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { loadPdfFont } from '../../export/font';

/** "ABCDEF+": the tag that marks an embedded font as a subset (ISO 32000-1, 9.6.4). */
const subsetTag = () => `${Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('')}+`;

/**
 * Embeds the CJK font for field appearances, subset to the characters drawn (a few KB per form).
 * pdf-lib's standard fonts are WinAnsi only: a Chinese value would throw while saving. The asset
 * is TrueType because pdf-lib's CFF subsets render as blank boxes (MACHINE.md §6).
 */
export async function embedCjkFont(doc: PDFDocument, fontPath?: string): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  return doc.embedFont(await loadPdfFont(fontPath), {
    subset: true,
    customName: `${subsetTag()}NotoSansCJKsc-Regular`,
  });
}
