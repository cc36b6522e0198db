import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';
import JSZip from 'jszip';
import { declareFonts } from '../font-table';
import {
  CHAR_SPACE,
  CONDENSE,
  FONT,
  FONT_TABLE,
  LINE,
  MARGIN,
  MARK_MAX_PT,
  MARK_TOP,
  PAGE,
  RED,
  SI_CHAR,
  SIZE,
  TEXT_WIDTH,
  chars,
  textWidth,
} from './layout';
import type { BodyParagraph, Gongwen } from './parse';

export interface GongwenMeta {
  title: string;
  /** GB 45438 Annex E JSON, written as the custom property AIGC (docProps/custom.xml). */
  aigcJson: string;
  /** The visible AI-content label, or null when the policy turns it off. */
  label: string | null;
  /**
   * 署名 and 成文日期: 'unsealed' (default; GB/T 9704 7.3.5.2: 署名 右空二字 one line below the
   * text, the date on the next line starting two characters right of the 署名's first character)
   * or 'sealed' (7.3.5.1: date 右空四字, 署名 centred over the date, room left for the seal).
   */
  signatureForm?: 'unsealed' | 'sealed';
}

type FontName = (typeof FONT)[keyof typeof FONT];
const fonts = (name: FontName) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

interface RunStyle {
  font?: FontName;
  size?: number;
  color?: string;
  /** false: the run keeps its natural width (sizes other than 3号, which the grid is built for). */
  grid?: boolean;
}

function run(text: string, style: RunStyle = {}, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: fonts(style.font ?? FONT.fangsong),
    size: style.size ?? SIZE.san,
    ...(style.color ? { color: style.color } : {}),
    ...(style.grid === false ? { snapToGrid: false } : { characterSpacing: CONDENSE }),
    ...extra,
  } as IRunOptions);
}

/** A paragraph on the grid: exact line pitch, no space after, `before` in lines or twips. */
function para(children: TextRun[], opts: Partial<IParagraphOptions> & { beforeLines?: number } = {}): Paragraph {
  const { beforeLines, spacing, ...rest } = opts;
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    // No extra space between Chinese and digits (w:autoSpaceDN): 2026年 is 3 characters wide.
    autoSpaceEastAsianText: false,
    // A fixed 22-line page: no widow/orphan control moving a paragraph's first or last line.
    widowControl: false,
    ...rest,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: (beforeLines ?? 0) * LINE, after: 0, ...spacing },
    children,
  });
}

// ——— 版头 ———

function headLines(g: Gongwen): Paragraph[] {
  const out: Paragraph[] = [];
  // 份号 (3号, 6 digits), 密级 and 紧急程度 (3号黑体), 顶格 at the top left, in that order.
  if (g.copyNumber) out.push(para([run(g.copyNumber)], { alignment: AlignmentType.LEFT }));
  if (g.classification) out.push(para([run(g.classification, { font: FONT.hei })], { alignment: AlignmentType.LEFT }));
  if (g.urgency) out.push(para([run(g.urgency, { font: FONT.hei })], { alignment: AlignmentType.LEFT }));
  const linesAbove = out.length;

  if (g.issuerMark) {
    // Red 小标宋, centred, as large as fits the 版心 width (at most MARK_MAX_PT, 15 mm).
    const width = Math.max(1, textWidth(g.issuerMark));
    const pt = Math.max(16, Math.min(MARK_MAX_PT, Math.floor(TEXT_WIDTH / 20 / width)));
    const height = 2 * LINE; // two grid lines for a mark of up to 42 pt
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: {
          before: Math.max(0, MARK_TOP - linesAbove * LINE - Math.round((height - pt * 20) / 2)),
          after: 0,
          line: height,
          lineRule: LineRuleType.EXACT,
        },
        children: [run(g.issuerMark, { font: FONT.xiaobiaosong, size: pt * 2, color: RED, grid: false })],
      }),
    );
  }

  // 发文字号 标志下空二行: centred; on an 上行文 居左空一字 with 签发人 居右空一字 on the same line.
  const numberGap = g.issuerMark ? 2 : 0;
  if (g.signers.length) {
    const children = [run(g.docNumber ?? ''), run('\t'), run('签发人：')];
    g.signers.forEach((name, k) => children.push(run(k ? `\u3000${name}` : name, { font: FONT.kai })));
    out.push(
      para(children, {
        alignment: AlignmentType.LEFT,
        beforeLines: numberGap,
        indent: { left: chars(1), right: chars(1) },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - chars(1) }],
      }),
    );
  } else if (g.docNumber) {
    out.push(para([run(g.docNumber)], { alignment: AlignmentType.CENTER, beforeLines: numberGap }));
  }

  // The red rule, the width of the 版心, about 4 mm under the 发文字号.
  if (g.issuerMark || g.docNumber) {
    out.push(
      new Paragraph({
        spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 0 } },
        children: [run('', { size: 4, grid: false })],
      }),
    );
  }
  return out;
}

// ——— 主体 ———

const TITLE_CHARS = Math.floor(TEXT_WIDTH / (SIZE.er * 10)); // 20 characters of 2号 a line

/**
 * Breaks a long title into balanced lines of at most TITLE_CHARS (梯形/菱形 rather than a full
 * line and a stub), preferring breaks between words: around 关于, before 的 + 文种, after 、 and ，,
 * outside 《》 and （）.
 */
export function titleLines(title: string, typeName: string | null): string[] {
  const cs = Array.from(title);
  const w = textWidth(title);
  if (w <= TITLE_CHARS) return [title];
  const prefix = [...cs, ''].map((_, k) => textWidth(cs.slice(0, k).join('')));
  const n = cs.length;
  const good = new Set<number>();
  const s = title;
  for (let k = 1; k < n; k++) {
    const before = cs.slice(0, k).join('');
    const after = cs.slice(k).join('');
    if (after.startsWith('关于') || before.endsWith('关于')) good.add(k);
    if (typeName && after === `的${typeName}`) good.add(k);
    if (/[、，》）]$/.test(before) || /^[《（]/.test(after)) good.add(k);
    if (/^(和|及|与|暨)/.test(after)) good.add(k);
  }
  // Never inside an ASCII word or a 《》 / （） pair.
  const bad = new Set<number>();
  let depth = 0;
  for (let k = 0; k < n; k++) {
    if (/[《（(]/.test(cs[k]!)) depth++;
    if (/[》）)]/.test(cs[k]!)) depth = Math.max(0, depth - 1);
    if (depth > 0 && k + 1 < n && !/[《（(]/.test(cs[k + 1]!)) bad.add(k + 1);
    if (/[A-Za-z0-9]/.test(cs[k]!) && /[A-Za-z0-9年月日号%]/.test(cs[k + 1] ?? '')) bad.add(k + 1);
    if (/^[，。、；：）》”]/.test(cs[k + 1] ?? '')) bad.add(k + 1);
  }
  const lines = Math.ceil(w / TITLE_CHARS);
  const target = w / lines;
  // Minimal cost over break positions: squared deviation from the balanced length, plus a
  // penalty for a break that is not between words.
  const best: { cost: number; prev: number }[] = Array.from({ length: n + 1 }, () => ({ cost: Infinity, prev: -1 }));
  best[0] = { cost: 0, prev: -1 };
  for (let end = 1; end <= n; end++) {
    if (end < n && bad.has(end)) continue;
    for (let start = 0; start < end; start++) {
      const len = prefix[end]! - prefix[start]!;
      const from = best[start]!;
      if (len > TITLE_CHARS || from.cost === Infinity) continue;
      const penalty = end === n || good.has(end) ? 0 : 30;
      const cost = from.cost + (len - target) ** 2 + penalty + 1;
      if (cost < best[end]!.cost) best[end] = { cost, prev: start };
    }
  }
  if (best[n]!.cost === Infinity) return [s];
  const cuts: number[] = [];
  for (let k = n; k > 0; k = best[k]!.prev) cuts.unshift(k);
  let from = 0;
  return cuts.map((to) => {
    const line = cs.slice(from, to).join('');
    from = to;
    return line;
  });
}

function titleParagraph(g: Gongwen, beforeLines: number): Paragraph {
  const lines = titleLines(g.title, g.typeName);
  return para(
    lines.map((line, k) => run(line, { font: FONT.xiaobiaosong, size: SIZE.er, grid: false }, k ? { break: 1 } : {})),
    { alignment: AlignmentType.CENTER, beforeLines },
  );
}

const LEVEL_FONT: Record<BodyParagraph['level'], FontName> = {
  0: FONT.fangsong,
  1: FONT.hei,
  2: FONT.kai,
  3: FONT.fangsong,
  4: FONT.fangsong,
};

function bodyParagraph(p: BodyParagraph): Paragraph {
  const cs = Array.from(p.text);
  const head = cs.slice(0, p.headingLength).join('');
  const rest = cs.slice(p.headingLength).join('');
  const children = p.level && head ? [run(head, { font: LEVEL_FONT[p.level] })] : [];
  if (rest || !children.length) children.push(run(p.level ? rest : p.text));
  return para(children, { indent: { firstLine: chars(2) } });
}

function attachmentParagraphs(items: string[]): Paragraph[] {
  // 附件说明: 正文下空一行左空二字 `附件：` + name; several: `1.XXX`; every wrapped line and the
  // next items align with the first character of the name.
  return items.map((item, k) => {
    const number = /^\d+[.．]/.exec(item)?.[0] ?? '';
    const numberWidth = textWidth(number);
    const left = chars(2 + 3 + numberWidth);
    const text = k === 0 ? `附件：${item}` : item;
    return para([run(text)], {
      alignment: AlignmentType.LEFT,
      beforeLines: k === 0 ? 1 : 0,
      indent: k === 0 ? { left, hanging: chars(3 + numberWidth) } : { left, hanging: chars(numberWidth) },
    });
  });
}

function closing(g: Gongwen, form: 'unsealed' | 'sealed', gapBefore: number): Paragraph[] {
  const out: Paragraph[] = [];
  const sigW = g.signature ? textWidth(g.signature) : 0;
  const dateW = g.date ? textWidth(g.date) : 0;
  let sigRight: number;
  let dateRight: number;
  if (form === 'sealed') {
    // 成文日期右空四字; 署名 centred over the date.
    dateRight = 4;
    sigRight = Math.max(0, 4 + (dateW - sigW) / 2);
  } else {
    // 署名右空二字; the date's first character two characters right of the 署名's; a date longer
    // than that gets 右空二字 and the 署名 moves left to keep the two-character step.
    sigRight = 2;
    dateRight = sigW - dateW;
    if (!g.signature || dateRight < 2) {
      dateRight = 2;
      sigRight = 4 + dateW - sigW;
    }
  }
  const gap = form === 'sealed' ? Math.max(gapBefore, 3) : gapBefore;
  if (g.signature)
    out.push(
      para([run(g.signature)], {
        alignment: AlignmentType.RIGHT,
        beforeLines: gap,
        indent: { right: chars(sigRight) },
      }),
    );
  if (g.date)
    out.push(
      para([run(g.date)], {
        alignment: AlignmentType.RIGHT,
        beforeLines: g.signature ? 0 : gap,
        indent: { right: chars(dateRight) },
      }),
    );
  return out;
}

// ——— 版记 ———

/**
 * 抄送 and 印发机关 + 印发日期 (4号仿宋) between rules, at the foot of the last page: a floating
 * one-column table anchored to the bottom of the 版心 (tblpYSpec="bottom"), so it sits on the
 * last line whatever the length of the text, and moves to a new page with its anchor when the
 * text fills the last page. First and last rules 0.35 mm (w:sz 8), the inner one 0.25 mm (6).
 */
// The width of the 版心. Word and WPS float the table to the foot of the page; LibreOffice 7.4 only
// floats tables at least ~6 mm narrower than the text area and otherwise keeps this one in the
// flow, right after the 落款 (known limitation: the rules stay the 版心's width, as the standard asks).
const COLOPHON_WIDTH = TEXT_WIDTH;

function colophon(g: Gongwen): (Table | Paragraph)[] {
  const rows: Paragraph[] = [];
  const si = { size: SIZE.si, grid: false } as const;
  if (g.cc) {
    const cc = /[。.]$/.test(g.cc) ? g.cc : `${g.cc.replace(/[，,；;、]$/, '')}。`;
    rows.push(
      para([run(`抄送：${cc}`, si)], {
        alignment: AlignmentType.LEFT,
        indent: { left: SI_CHAR * 4, hanging: SI_CHAR * 3, right: SI_CHAR },
      }),
    );
  }
  if (g.printer || g.printDate) {
    rows.push(
      para([run(g.printer ?? '', si), run('\t', si), run(g.printDate ? `${g.printDate}印发` : '', si)], {
        alignment: AlignmentType.LEFT,
        indent: { left: SI_CHAR, right: SI_CHAR },
        tabStops: [{ type: TabStopType.RIGHT, position: COLOPHON_WIDTH - SI_CHAR }],
      }),
    );
  }
  if (!rows.length) return [];
  const heavy = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const table = new Table({
    width: { size: COLOPHON_WIDTH, type: WidthType.DXA },
    columnWidths: [COLOPHON_WIDTH],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      topFromText: 0,
      bottomFromText: 0,
      leftFromText: 0,
      rightFromText: 0,
    },
    borders: { top: heavy, bottom: heavy, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    rows: rows.map(
      (p) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: COLOPHON_WIDTH, type: WidthType.DXA },
              margins: { top: 0, bottom: 0, left: 0, right: 0 },
              children: [p],
            }),
          ],
        }),
    ),
  });
  // The table's anchor: an empty paragraph of (almost) no height, so it never adds a page.
  const anchor = new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [run('', { size: 2, grid: false })],
  });
  return [table, anchor];
}

// ——— 页码, AIGC label ———

/** `— 1 —` in 4号宋体, odd pages 右空一字, even pages 左空一字 (w:evenAndOddHeaders). */
function pageNumber(odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SI_CHAR } : { left: SI_CHAR },
        spacing: { before: 0, after: 0, line: 400, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fonts(FONT.song),
            size: SIZE.si,
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

/**
 * The visible AI-content label goes in the page header, small and grey, centred in the 天头 above
 * the 版心: on every page (a page printed or copied alone still carries it), and outside the
 * 版心, so it moves neither the 发文机关标志 (35 mm below the 版心 top) nor the 22-line grid.
 */
function labelHeader(label: string | null): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        children: label
          ? [
              new TextRun({
                text: label,
                font: fonts(FONT.hei),
                size: SIZE.label,
                color: '606060',
                snapToGrid: false,
              }),
            ]
          : [],
      }),
    ],
  });
}

const OFF_GRID_RUN = '<w:snapToGrid w:val="false"/>';

/**
 * A paragraph whose runs are off the grid (标志, 标题, 版记: sizes other than 3号) gets
 * w:pPr/w:snapToGrid=0 too, which the docx package does not write: Word reads it per run,
 * LibreOffice only per paragraph. CT_PPrBase puts it right before w:spacing.
 */
function offGridParagraphs(xml: string): string {
  // w:autoSpaceDE too (the docx package writes only w:autoSpaceDN): LibreOffice reads the space
  // between Chinese and Latin or digits from it.
  xml = xml.replace(/<w:autoSpaceDN w:val="(false|0)"\/>/g, '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
  return xml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g, (p) =>
    p.includes(OFF_GRID_RUN) && !/<w:pPr>[\s\S]*?<w:snapToGrid [^>]*>[\s\S]*?<\/w:pPr>/.test(p)
      ? p.replace(/(<w:pPr>[\s\S]*?)(<w:spacing\b)/, '$1<w:snapToGrid w:val="0"/>$2')
      : p,
  );
}

/** Declares the fonts in word/fontTable.xml (the docx package leaves it empty) and patches the paragraphs. */
async function patchPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(document|footer\d*|header\d*)\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, offGridParagraphs(xml));
  }
  await declareFonts(zip, FONT_TABLE);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The GB/T 9704-2012 docx of an official document. */
export async function buildGongwenDocx(g: Gongwen, meta: GongwenMeta): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [...headLines(g)];
  const hasHead = children.length > 0;
  // 标题 红色分隔线下空二行; 主送机关 标题下空一行; 正文 on the next line.
  if (g.title) children.push(titleParagraph(g, hasHead ? 2 : 0));
  if (g.recipients)
    children.push(para([run(g.recipients)], { alignment: AlignmentType.LEFT, beforeLines: g.title ? 1 : 0 }));
  for (const p of g.body) children.push(bodyParagraph(p));
  if (g.attachments.length) children.push(...attachmentParagraphs(g.attachments));
  children.push(...closing(g, meta.signatureForm ?? 'unsealed', 1));
  for (const note of g.notes) children.push(para([run(note)], { indent: { firstLine: chars(2) } }));
  children.push(...colophon(g));
  if (!children.length) children.push(para([]));

  const document = new Document({
    title: meta.title,
    creator: 'Wenshu',
    lastModifiedBy: 'Wenshu',
    customProperties: [{ name: 'AIGC', value: meta.aigcJson }],
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fonts(FONT.fangsong), size: SIZE.san, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
      // The Normal style carries the 3号 size too: LibreOffice sizes the character grid from the
      // Normal style's East Asian font size (12 pt when absent), Word from the document default.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: fonts(FONT.fangsong), size: SIZE.san },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: MARGIN },
          grid: { type: DocumentGridType.LINES, linePitch: LINE, charSpace: CHAR_SPACE },
        },
        headers: { default: labelHeader(meta.label), even: labelHeader(meta.label) },
        footers: { default: pageNumber(true), even: pageNumber(false) },
        children,
      },
    ],
  });
  return patchPackage(new Uint8Array(await Packer.toBuffer(document)));
}
