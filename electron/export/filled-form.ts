import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFHexString, PDFName, rgb } from 'pdf-lib';
import type { FormKind } from '../../shared/domain/form';
import { aigcJson, visibleLabel } from './aigc';
import { exportFileName } from './file-name';
import { embedCjkFont } from '../forms/pdf/font';
import type { ExportFile, ExportInput } from './types';

const MIME: Record<FormKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * A filled form as it leaves the app, with the AI-content labels every export carries: the
 * implicit one in the file's metadata (PDF Info /AIGC, DOCX custom property AIGC) and, when the
 * policy asks for it, the visible one — a small line in the top margin of the first page, or a
 * first paragraph — so the form's own layout is left as it was.
 */
export async function renderFilledForm(
  filled: { bytes: Uint8Array; kind: FormKind },
  input: ExportInput,
): Promise<ExportFile> {
  const bytes = filled.kind === 'pdf' ? await labelPdf(filled.bytes, input) : await labelDocx(filled.bytes, input);
  return { bytes, extension: filled.kind, mime: MIME[filled.kind], fileName: exportFileName(input.title, filled.kind) };
}

async function labelPdf(bytes: Uint8Array, input: ExportInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes);
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('AIGC'), PDFHexString.fromText(aigcJson(input)));
  const label = visibleLabel(input);
  const page = pdf.getPages()[0];
  if (label && page) {
    const font = await embedCjkFont(pdf);
    const { height } = page.getSize();
    page.drawText(label, { x: 24, y: height - 14, size: 7, font, color: rgb(0.35, 0.35, 0.35) });
  }
  return pdf.save();
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const PROPERTY_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

async function labelDocx(bytes: Uint8Array, input: ExportInput): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const property = (pid: number) =>
    `<property fmtid="${PROPERTY_FMTID}" pid="${pid}" name="AIGC"><vt:lpwstr>${escapeXml(aigcJson(input))}</vt:lpwstr></property>`;
  const custom = zip.file('docProps/custom.xml');
  if (custom) {
    const xml = (await custom.async('string'))
      .replace(/<property\b[^>]*name="AIGC"[\s\S]*?<\/property>/, '')
      .replace(/<Properties([^>]*?)\s*\/>/, '<Properties$1></Properties>');
    const pids = [...xml.matchAll(/pid="(\d+)"/g)].map((m) => Number(m[1]));
    zip.file('docProps/custom.xml', xml.replace('</Properties>', `${property(Math.max(1, ...pids) + 1)}</Properties>`));
  } else {
    zip.file(
      'docProps/custom.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${property(2)}</Properties>`,
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace('</Types>', `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_TYPE}"/></Types>`),
    );
    const rels = await zip.file('_rels/.rels')!.async('string');
    zip.file(
      '_rels/.rels',
      rels.replace(
        '</Relationships>',
        `<Relationship Id="rIdAigc" Type="${CUSTOM_REL}" Target="docProps/custom.xml"/></Relationships>`,
      ),
    );
  }
  const label = visibleLabel(input);
  if (label) {
    const doc = await zip.file('word/document.xml')!.async('string');
    const paragraph = `<w:p><w:r><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/></w:rPr><w:t>${escapeXml(label)}</w:t></w:r></w:p>`;
    zip.file('word/document.xml', doc.replace(/<w:body>/, `<w:body>${paragraph}`));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
