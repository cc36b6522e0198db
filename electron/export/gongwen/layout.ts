import { convertMillimetersToTwip } from 'docx';

/**
 * The numbers of GB/T 9704-2012 (../shared/docs/DOMAIN.md §1) in the units of a docx: twips
 * (1/20 pt) for lengths, half-points for font sizes.
 */

/** A4 exactly: convertMillimetersToTwip(210 × 297) rounds down to 11905 × 16838 (MACHINE.md §4). */
export const PAGE = { width: 11906, height: 16838 } as const;

/** 天头 37 mm, 订口 28 mm; bottom 35 mm and right 26 mm leave the 156 × 225 mm 版心. */
export const MARGIN = {
  top: convertMillimetersToTwip(37),
  bottom: convertMillimetersToTwip(35),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
  header: convertMillimetersToTwip(15),
  // The page number's 一字线 sits 7 mm below the 版心: a footer line of FOOTER_LINE (20 pt ≈ 7 mm)
  // whose bottom is 21 mm above the page edge puts its top 35 − 21 − 7 = 7 mm below the 版心.
  footer: convertMillimetersToTwip(21),
} as const;

export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845 twips = 156 mm
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom; // 12757 twips = 225 mm

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Exact line pitch: 225 mm / 22 = 579.9 twips, rounded down so 22 lines always fit: 28.95 pt. */
export const LINE = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/** Sizes (half-points): 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { er: 44, san: 32, si: 28, label: 18 } as const;

/** One grid character: 156 mm / 28 = 315.9 twips (a 3号 character condensed by 0.2 pt). */
export const CHAR = TEXT_WIDTH / CHARS_PER_LINE;
export const chars = (n: number) => Math.round(n * CHAR);

/**
 * w:docGrid charSpace: the grid's character pitch minus the default font size (3号, 16 pt), in
 * 1/4096 pt, rounded down so that 28 pitches never exceed the 版心 width: (15.7946 − 16) × 4096 →
 * −842, the value of the common 22 × 28 templates.
 */
export const CHAR_SPACE = Math.floor((CHAR / 20 - SIZE.san / 2) * 4096);

/**
 * Run-level character spacing (w:spacing, twips) for the 3号 runs on the grid: −0.3 pt, so a
 * character advances 314 twips, within one grid cell. Word fits characters into a cell narrower
 * than the font; LibreOffice gives a character wider than its cell two cells (18 characters a
 * line). Its cell is 314.7 twips (it adds charSpace in whole and 1/4095 parts of a point,
 * rounded in 1/100 mm), so the advance must be at most 314. Where no grid applies, 28 × 314 =
 * 8792 twips still fit the 8845 of the 版心.
 */
export const CONDENSE = -6;

/** One 4号 character, for the 版记 and the page numbers (左/右空一字). */
export const SI_CHAR = SIZE.si * 10;

export const RED = 'FF0000';

/**
 * Fonts as GB/T 9704 names them. OOXML takes one name per script and run, so word/fontTable.xml
 * declares each with the name Windows / WPS fonts carry (w:altName), the GB 2312 charset (86) and a
 * PANOSE class: a machine without 仿宋_GB2312 or 方正小标宋简体 substitutes FangSong / SimSun
 * rather than a Latin font.
 */
export const FONT = {
  fangsong: '仿宋_GB2312',
  xiaobiaosong: '方正小标宋简体',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
} as const;

export const FONT_TABLE = [
  { name: FONT.fangsong, alt: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: FONT.xiaobiaosong, alt: 'SimSun', panose: '02000000000000000000', family: 'auto', pitch: 'variable' },
  { name: FONT.hei, alt: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: FONT.kai, alt: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: FONT.song, alt: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
] as const;

/** 发文机关标志: top edge 35 mm below the top of the 版心; size to fit, at most 15 mm a character. */
export const MARK_TOP = convertMillimetersToTwip(35);
export const MARK_MAX_PT = 42;

/** Width of a text in characters: full-width 1, ASCII and half-width forms ½. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0020-\u007e\uff61-\uff9f]/.test(ch) ? 0.5 : 1;
  return w;
}
