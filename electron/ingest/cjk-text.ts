/**
 * Character fixes for text taken out of PDFs. Fonts map one glyph to several code points, and
 * PDF producers (Chromium/Skia among them) write the lowest, often a CJK *radical*, into the
 * ToUnicode map: 二 comes out as ⼆ (U+2F06), 民 as ⺠ (U+2EA0). Skia adds the intended character
 * as /ActualText, which poppler reads but pdfjs' text content ignores. The two look the same and
 * do not match in search, so radicals are mapped back to the unified ideographs here.
 */

/**
 * Equivalent_Unified_Ideograph of U+2E81..U+2EF3 (CJK Radicals Supplement, U+2E9A unassigned),
 * in code point order, from Unicode's EquivalentUnifiedIdeograph.txt. NFKC does not cover this
 * block; it does cover the Kangxi radicals (U+2F00..U+2FD5).
 */
const SUPPLEMENT = Array.from(
  '厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑彐忄心扌攵旡日月歺母民氵氺灬爫爫丬牛犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟',
);

function supplementIdeograph(radical: string): string {
  const cp = radical.codePointAt(0)!;
  return SUPPLEMENT[cp - 0x2e81 - (cp > 0x2e9a ? 1 : 0)] ?? radical;
}

/**
 * Characters spelled out differently from the tables: two radicals whose glyph in the simplified
 * Chinese fonts (Noto CJK SC, as Chromium prints with) is another ideograph than Unicode's
 * equivalent (⼾ is drawn 户, not 戶; ⺫ is 罒, not 目), the 2- and 3-em dashes CJK fonts draw
 * for —— and ———, and invisible characters that only break words apart (zero-width space, BOM,
 * soft hyphen).
 */
const SPELLED_OUT: Record<string, string> = {
  '\u2f3e': '户',
  '\u2eab': '罒',
  '\u2e3a': '——',
  '\u2e3b': '———',
  '\u200b': '',
  '\ufeff': '',
  '\u00ad': '',
};

// Radicals, CJK compatibility ideographs (canonical equivalents of unified ones), and the above.
const FIXABLE = /[\u2e81-\u2ef3\u2f00-\u2fd5\uf900-\ufad9\u2e3a\u2e3b\u200b\ufeff\u00ad]/g;

export function fixPdfChars(s: string): string {
  return s.replace(FIXABLE, (c) => {
    const spelled = SPELLED_OUT[c];
    if (spelled !== undefined) return spelled;
    const cp = c.charCodeAt(0);
    if (cp <= 0x2ef3) return supplementIdeograph(c);
    return c.normalize(cp <= 0x2fd5 ? 'NFKC' : 'NFC');
  });
}

/** Han, kana, Hangul, CJK punctuation and full-width forms: scripts written without word spaces. */
const CJK_RANGES =
  '\u2e80-\u2fdf\u3000-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef';
// A high surrogate of planes 2–3 stands for its (CJK Extension B–H) ideograph.
const CJK = new RegExp(`[${CJK_RANGES}\ud840-\ud87f]`);
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK_RANGES}]) +(?=[${CJK_RANGES}])`, 'g');

export const isCjk = (c: string | undefined): boolean => c !== undefined && CJK.test(c);

/**
 * Drops spaces between two CJK characters. pdfjs writes a space into a run for any gap of
 * 0.1–0.6 em; between CJK characters such gaps come from justification or letter spacing.
 */
export const dropSpacesBetweenCjk = (s: string): string => s.replace(SPACE_BETWEEN_CJK, '');
