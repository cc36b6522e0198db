import { aigcJson, aigcMetadata } from './aigc';
import { buildDocx } from './docx';
import { exportFileName } from './file-name';
import { loadPdfFont } from './font';
import { isGongwenInput, renderGongwenDocx } from './gongwen';
import { buildMarkdown } from './markdown';
import { toExportDocument } from './model';
import { buildPdf } from './pdf';
import { buildText } from './text';
import type { ExportFile, ExportFormat, ExportInput, RenderOptions } from './types';

export type { ExportFile, ExportFormat, ExportInput, RenderOptions } from './types';
export { aigcMetadata } from './aigc';
export type { AigcMetadata } from './aigc';
export { defaultPdfFontPath, PDF_FONT_FILE } from './font';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/**
 * Turns one approved version of a draft into the bytes of an export file, with the AI-content
 * labels of 《人工智能生成合成内容标识办法》 and GB 45438-2025 (../shared/docs/DOMAIN.md §3):
 *
 * - the visible label (policy wording) when `aigc.visibleLabel` — at the start of the document,
 *   before the title, in a small boxed style: the first thing a reader sees, on the first page of
 *   a printout, and never mistaken for the document's own text or cut off with a last page;
 * - the implicit label (Annex E, 7 fields) in the file's metadata whatever the visible setting:
 *   docx `docProps/custom.xml` property AIGC, PDF Info `/AIGC`, Markdown front matter. Plain text
 *   has no metadata: there the visible label is the only one.
 *
 * Callers check the approval first (the guarded egress); this only renders.
 */
export async function renderExport(
  format: ExportFormat,
  input: ExportInput,
  options: RenderOptions = {},
): Promise<ExportFile> {
  const doc = toExportDocument(input);
  const fileName = exportFileName(doc.title, format);
  const file = (bytes: Uint8Array): ExportFile => ({ bytes, extension: format, mime: EXPORT_MIME[format], fileName });
  switch (format) {
    case 'docx':
      // A drafted 公文 (a document with the drafting tool's fields) in the GB/T 9704-2012 layout;
      // anything else in the plain layout.
      if (isGongwenInput(input)) return file(await renderGongwenDocx(input));
      return file(await buildDocx(doc, { title: doc.title, aigcJson: aigcJson(input) }));
    case 'pdf': {
      const fontBytes = await loadPdfFont(options.pdfFontPath);
      return file(await buildPdf(doc, { title: doc.title, aigcJson: aigcJson(input), fontBytes }));
    }
    case 'md':
      return file(new TextEncoder().encode(buildMarkdown(doc, aigcMetadata(input))));
    case 'txt':
      return file(new TextEncoder().encode(buildText(doc)));
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}
