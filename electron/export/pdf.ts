import * as fontkit from '@pdf-lib/fontkit';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import {
  LineCapStyle,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  TextRenderingMode,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setCharacterSpacing,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
} from 'pdf-lib';
import type { ExportDocument } from './model';
import { wrapLine } from './wrap';

/**
 * The PDF renderer: A4 with the GB/T 9704 margins, one embedded CJK font (subset to the characters
 * used), lines broken by measured width, justified like Chinese typesetting, paginated with page
 * numbers. The implicit label is the Info dictionary's /AIGC entry.
 */
export interface PdfMeta {
  title: string;
  /** GB 45438 Annex E JSON for /AIGC in the Info dictionary. */
  aigcJson: string;
  /** A single-face OpenType/TrueType font with CJK glyphs (pdf-lib cannot subset a .ttc). */
  fontBytes: Uint8Array;
}

const MM = 72 / 25.4;
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const TEXT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;

// 3号 (16 pt) body on a 28.95 pt pitch: 22 lines in the 225 mm type area (GB/T 9704 5.2.3).
const BODY = { size: 16, pitch: (225 * MM) / 22 };
const TITLE = { size: 22, pitch: 32 };
const FIELD = { size: 14, pitch: 24 };
const LABEL = { size: 10.5, pitch: 15, padding: 5 };
const PAGE_NUMBER = { size: 14, baseline: 35 * MM - 7 * MM - 14 };
/** Noto Sans CJK: ascender 0.88 em. The em box is centred in the line pitch. */
const ASCENT = 0.88;

const BLACK = rgb(0, 0, 0);
const LABEL_TEXT = rgb(0.25, 0.25, 0.25);
const LABEL_FILL = rgb(0.95, 0.95, 0.95);
const LABEL_BORDER = rgb(0.55, 0.55, 0.55);

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Zero-width joiners, variation selectors, soft hyphens …: no glyph of their own, a box if drawn. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

interface LineStyle {
  size: number;
  pitch: number;
  color?: RGB;
  align?: 'left' | 'center';
  /** Spread the line to the full width (a line that is not the last of its paragraph). */
  justify?: boolean;
  /** Faux bold (fill and stroke): one face is embedded, and a title wants weight. */
  bold?: boolean;
  indent?: number;
}

class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  /** The top of the next line box, in PDF coordinates. */
  private y = 0;
  private readonly widthCache = new Map<string, number>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN.top;
  }

  /** Vertical space; dropped at the top of a page. */
  space(h: number) {
    if (this.y < PAGE_HEIGHT - MARGIN.top) this.y -= h;
  }

  private fits(h: number) {
    return this.y - h >= MARGIN.bottom - 0.01;
  }

  ensure(h: number) {
    if (!this.fits(h) && this.y < PAGE_HEIGHT - MARGIN.top) this.newPage();
  }

  /** Width of one character at 1 pt, cached (fontkit lays out each call). */
  charWidth = (ch: string): number => {
    let w = this.widthCache.get(ch);
    if (w === undefined) {
      w = this.font.widthOfTextAtSize(ch, 1);
      this.widthCache.set(ch, w);
    }
    return w;
  };

  wrap(text: string, size: number, width: number | ((line: number) => number)): string[] {
    return wrapLine(text.replace(INVISIBLE, ''), width, (ch) => this.charWidth(ch) * size);
  }

  /** Draws one line at the current position and advances by the pitch. */
  line(text: string, style: LineStyle) {
    this.ensure(style.pitch);
    const { size, pitch } = style;
    const indent = style.indent ?? 0;
    const width = this.font.widthOfTextAtSize(text, size);
    const baseline = this.y - (pitch - size) / 2 - ASCENT * size;
    const chars = Array.from(text);
    const slack = TEXT_WIDTH - indent - width;
    // Spread a justified line to the full width, or tighten one with squeezed punctuation; a line
    // cut short before a long Latin word stays ragged rather than letter-spaced.
    let spread = 0;
    if (chars.length > 1 && (slack < 0 || (style.justify && HAN.test(text)))) {
      spread = slack / (chars.length - 1);
      if (spread > size * 0.3) spread = 0;
    }
    const drawn = width + spread * (chars.length - 1);
    const x = style.align === 'center' ? MARGIN.left + (TEXT_WIDTH - drawn) / 2 : MARGIN.left + indent;
    const ops = [];
    if (spread) ops.push(setCharacterSpacing(spread));
    if (style.bold) {
      const c = style.color ?? BLACK;
      ops.push(setTextRenderingMode(TextRenderingMode.FillAndOutline), setLineWidth(size * 0.03), setStrokingColor(c));
    }
    if (ops.length) this.page.pushOperators(pushGraphicsState(), ...ops);
    if (text) this.page.drawText(text, { x, y: baseline, size, font: this.font, color: style.color ?? BLACK });
    if (ops.length) this.page.pushOperators(popGraphicsState());
    this.y -= pitch;
  }

  /** The visible label: small grey text in a light box across the type area. */
  labelBox(text: string) {
    const inner = TEXT_WIDTH - 2 * LABEL.padding;
    const lines = this.wrap(text, LABEL.size, inner);
    const height = lines.length * LABEL.pitch + 2 * LABEL.padding;
    this.ensure(height);
    this.page.drawRectangle({
      x: MARGIN.left,
      y: this.y - height,
      width: TEXT_WIDTH,
      height,
      color: LABEL_FILL,
      borderColor: LABEL_BORDER,
      borderWidth: 0.6,
      borderLineCap: LineCapStyle.Projecting,
    });
    this.y -= LABEL.padding;
    for (const l of lines) this.line(l, { size: LABEL.size, pitch: LABEL.pitch, color: LABEL_TEXT, align: 'center' });
    this.y -= LABEL.padding;
  }

  /** A paragraph: wrapped lines, each but the last justified; the first indented `first`, the rest `rest`. */
  paragraph(text: string, style: Omit<LineStyle, 'justify' | 'indent'>, first = 0, rest = first) {
    const lines = this.wrap(text, style.size, (n) => TEXT_WIDTH - (n ? rest : first));
    lines.forEach((l, i) =>
      this.line(l, { ...style, indent: i ? rest : first, justify: style.align !== 'center' && i < lines.length - 1 }),
    );
  }

  pageNumbers() {
    this.pages.forEach((page, i) => {
      const text = `— ${i + 1} —`;
      const width = this.font.widthOfTextAtSize(text, PAGE_NUMBER.size);
      page.drawText(text, {
        x: (PAGE_WIDTH - width) / 2,
        y: PAGE_NUMBER.baseline,
        size: PAGE_NUMBER.size,
        font: this.font,
        color: BLACK,
      });
    });
  }
}

export async function buildPdf(doc: ExportDocument, meta: PdfMeta): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(meta.fontBytes, { subset: true });

  const now = new Date();
  pdf.setTitle(meta.title || doc.title, { showInWindowTitleBar: true });
  pdf.setCreator('Wenshu');
  pdf.setProducer('Wenshu (pdf-lib)');
  pdf.setLanguage('zh-CN');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  // GB 45438 Annex E implicit label (TC260-PG-20258A: Info dictionary key /AIGC), as a UTF-16 text string.
  // (PDFDocument.getInfoDict is private in pdf-lib's types: the same dictionary through the trailer.)
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('AIGC'), PDFHexString.fromText(meta.aigcJson));

  const layout = new Layout(pdf, font);
  if (doc.label) {
    layout.labelBox(doc.label);
    layout.space(BODY.pitch / 2);
  }
  if (doc.title) {
    layout.ensure(TITLE.pitch + BODY.pitch * 2); // not alone at the foot of a page
    for (const l of layout.wrap(doc.title, TITLE.size, TEXT_WIDTH)) {
      layout.line(l, { ...TITLE, align: 'center', bold: true });
    }
    layout.space(BODY.pitch / 2);
  }
  if (doc.fields.length) {
    // "name：value" lines; the value's further lines are indented two characters.
    const hanging = FIELD.size * 2;
    for (const f of doc.fields) {
      const [first = '', ...more] = f.lines;
      layout.paragraph(`${f.name}：${first}`, FIELD, 0, hanging);
      for (const l of more) layout.paragraph(l, FIELD, hanging);
    }
    layout.space(BODY.pitch / 2);
  }
  for (const p of doc.paragraphs) {
    if (p.gapBefore) layout.space(BODY.pitch / 2);
    layout.paragraph(p.text, BODY);
  }
  layout.pageNumbers();
  return pdf.save();
}
