/**
 * Chinese numerals as they appear in 公文 dates and terms: digit-by-digit years (二〇二四, with
 * 〇, ○, 零 or a Latin O standing for zero) and positional numbers (十一, 二十一, 一百零五).
 */

/** Zero is written several ways in practice: 〇 (U+3007), ○ (U+25CB), ◯, 零, and O/0 typed in. */
const DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0],
  ['○', 0],
  ['◯', 0],
  ['零', 0],
  ['O', 0],
  ['Ｏ', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

const UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);

/** Full-width digits (０-９) to ASCII; other characters unchanged. */
export function foldDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The value of one digit character, Chinese or Arabic (half- or full-width); null if not a digit. */
export function digitValue(ch: string): number | null {
  const folded = foldDigits(ch);
  if (/^[0-9]$/.test(folded)) return Number(folded);
  return DIGITS.get(ch) ?? null;
}

/** Reads a number written digit by digit ("二〇二四" → 2024, "2024" → 2024); null otherwise. */
export function parseDigitSequence(text: string): number | null {
  if (text.length === 0) return null;
  let value = 0;
  for (const ch of text) {
    const digit = digitValue(ch);
    if (digit === null) return null;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads a positional Chinese number below 10000 ("十" → 10, "二十一" → 21, "一百零五" → 105),
 * or a plain run of digits. Null when the text is not a well-formed number.
 */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  if ([...text].every((ch) => !UNITS.has(ch))) return parseDigitSequence(text);
  return positional(text, false);
}

/**
 * 十/百/千 with their digits. A bare unit at the start means one of it (十一 = 11); with
 * `bareTens`, a bare 十 means 一十 anywhere (二百十七 = 217, as older texts write it).
 */
function positional(text: string, bareTens: boolean): number | null {
  let total = 0;
  let pending: number | null = null; // a digit waiting for its unit
  let lastUnit = Infinity; // units must strictly decrease: 十百 is malformed
  for (const ch of text) {
    const unit = UNITS.get(ch);
    if (unit !== undefined) {
      const multiplier = pending ?? (total === 0 || (bareTens && unit === 10) ? 1 : null);
      if (unit >= lastUnit || multiplier === null) return null;
      total += multiplier * unit;
      pending = null;
      lastUnit = unit;
      continue;
    }
    const digit = digitValue(ch);
    if (digit === null || pending !== null) return null;
    // 零 only bridges a skipped place (一百零五), so it adds nothing.
    if (digit !== 0) pending = digit;
  }
  return total + (pending ?? 0);
}

/** Traditional forms met in older texts (萬, 億, 點, 兩) folded to the simplified ones. */
const TRADITIONAL: Record<string, string> = { 萬: '万', 億: '亿', 點: '点', 兩: '两' };

const SCALES = [
  ['亿', 1e8],
  ['万', 1e4],
] as const;

/** One section below 10000 (二百十七 = 217 too). */
function parseSection(text: string): number | null {
  if (text.length === 0) return null;
  if ([...text].every((ch) => !UNITS.has(ch))) return text.length <= 4 ? parseDigitSequence(text) : null;
  return positional(text, true);
}

/** Sections split at the last 亿, then the last 万 (so 五万万 is 5 × 10⁴ × 10⁴). */
function parseScaled(text: string, marks: readonly (readonly [string, number])[] = SCALES): number | null {
  const [scaleMark, ...lower] = marks;
  if (!scaleMark) return parseSection(text);
  const [mark, scale] = scaleMark;
  const at = text.lastIndexOf(mark);
  if (at < 0) return parseScaled(text, lower);
  const high = at === 0 ? null : parseScaled(text.slice(0, at));
  if (high === null) return null;
  const tail = text.slice(at + 1).replace(/^[零〇]/, '');
  const low = tail === '' ? 0 : parseScaled(tail, lower);
  return low === null || low >= scale ? null : high * scale + low;
}

/**
 * A Chinese number of any size, with 万/亿 sections and a decimal part: 三十五 → 35,
 * 二千零四十六万 → 20460000, 五萬萬 → 500000000, 十二点五 → 12.5. Null when malformed
 * (十三五, 万一), so words that merely contain numerals are not read as numbers.
 */
export function parseChineseNumber(text: string): number | null {
  const folded = [...text].map((ch) => TRADITIONAL[ch] ?? ch).join('');
  const [whole = '', fraction, ...rest] = folded.split('点');
  if (rest.length > 0 || fraction === '') return null;
  const integer = parseScaled(whole);
  if (integer === null) return null;
  if (fraction === undefined) return integer;
  if ([...fraction].some((ch) => UNITS.has(ch))) return null;
  const digits = parseDigitSequence(fraction);
  return digits === null ? null : Number(`${integer}.${fraction.replace(/./g, (ch) => String(digitValue(ch)))}`);
}
