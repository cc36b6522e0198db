import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import JSZip from 'jszip';
import { declareFonts } from './font-table';
import type { ExportDocument, ExportField } from './model';

/**
 * The docx renderer for every kind, for now: a clean A4 page in the fonts Chinese documents
 * expect. Issue 6 replaces it for kind 'document' with the full GB/T 9704 layout; the contract is
 * only `buildDocx(doc, meta) → bytes`, the implicit label included.
 */
export interface DocxMeta {
  title: string;
  /** GB 45438 Annex E JSON, written as the custom property AIGC (docProps/custom.xml). */
  aigcJson: string;
}

// Fonts: the names Chinese Word installs know (仿宋 = FangSong, 黑体 = SimHei, 宋体 = SimSun).
// OOXML has no fallback list per run, so word/fontTable.xml declares each with its English name
// (w:altName), its GB 2312 charset (86) and PANOSE, so a machine without 仿宋 substitutes a GB 2312
// font (宋体/SimSun on Windows) rather than a Latin one. Page numbers are in 宋体 (GB/T 9704 7.5).
const BODY_FONT = '仿宋';
const TITLE_FONT = '黑体';
const DEFAULT_FONT = '宋体';
const FONT_TABLE = [
  { name: BODY_FONT, alt: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: TITLE_FONT, alt: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: DEFAULT_FONT, alt: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
];
const fonts = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

// Sizes in half-points: 2号 22 pt title, 3号 16 pt body, 4号 14 pt fields and page numbers,
// 五号 10.5 pt label.
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const FIELD_SIZE = 28;
const LABEL_SIZE = 21;
/** A fixed pitch of 28.95 pt (579 twips): 22 lines in the 225 mm type area, as in GB/T 9704. */
const BODY_LINE = 579;

// A4 exactly (convertMillimetersToTwip rounds 210 × 297 mm down to 11905 × 16837) with the
// GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: convertMillimetersToTwip(37),
  bottom: convertMillimetersToTwip(35),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
  footer: convertMillimetersToTwip(20),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const NAME_WIDTH = Math.round(TEXT_WIDTH * 0.3);

function labelParagraph(text: string): Paragraph {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C', space: 4 };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    border: { top: border, bottom: border, left: border, right: border },
    shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
    spacing: { after: 240, line: 300, lineRule: LineRuleType.AT_LEAST },
    children: [new TextRun({ text, font: fonts(TITLE_FONT), size: LABEL_SIZE, color: '404040' })],
  });
}

function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: BODY_LINE, line: 800, lineRule: LineRuleType.AT_LEAST },
    children: [new TextRun({ text, font: fonts(TITLE_FONT), size: TITLE_SIZE })],
  });
}

function fieldsTable(fields: ExportField[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const cellParagraphs = (lines: string[], font: string) =>
    lines.map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, font: fonts(font), size: FIELD_SIZE })] }),
    );
  const margins = { top: 60, bottom: 60, left: 100, right: 100 };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [NAME_WIDTH, TEXT_WIDTH - NAME_WIDTH],
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: fields.map(
      (f) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: NAME_WIDTH, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
              margins,
              children: cellParagraphs([f.name], TITLE_FONT),
            }),
            new TableCell({
              width: { size: TEXT_WIDTH - NAME_WIDTH, type: WidthType.DXA },
              margins,
              children: cellParagraphs(f.lines.length ? f.lines : [''], BODY_FONT),
            }),
          ],
        }),
    ),
  });
}

function bodyParagraph(text: string, gapBefore: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: gapBefore ? Math.round(BODY_LINE / 2) : 0 },
    children: [new TextRun({ text })],
  });
}

const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts(DEFAULT_FONT), size: FIELD_SIZE }),
        ],
      }),
    ],
  });

/** The font table the docx package leaves empty. */
async function withFontTable(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await declareFonts(zip, FONT_TABLE);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function buildDocx(doc: ExportDocument, meta: DocxMeta): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  if (doc.label) children.push(labelParagraph(doc.label));
  if (doc.title) children.push(titleParagraph(doc.title));
  if (doc.fields.length) {
    children.push(fieldsTable(doc.fields));
    if (doc.paragraphs.length) children.push(new Paragraph({ spacing: { line: 290, lineRule: LineRuleType.EXACT } }));
  }
  for (const p of doc.paragraphs) children.push(bodyParagraph(p.text, p.gapBefore));
  if (!children.length) children.push(new Paragraph({}));

  const document = new Document({
    title: meta.title,
    creator: 'Wenshu',
    lastModifiedBy: 'Wenshu',
    customProperties: [{ name: 'AIGC', value: meta.aigcJson }],
    styles: {
      default: {
        document: {
          run: {
            font: fonts(BODY_FONT),
            size: BODY_SIZE,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}
