/**
 * Quantities in a summary and its sources: Arabic figures (1,244, ５.２, 1.2万亿), Chinese numerals
 * when they count something (三十五个, 两千万, 百分之五点二, 十二点五亿元), ranges (3—5年, 3-5%),
 * approximations (约, 近, 超过, 多, 余, 左右), percentages, percentage points and sums of money,
 * in Chinese and English. Dates are found first (dates.ts) and are not quantities here.
 */
import { parseChineseNumber } from '../gongwen/numerals';
import { MEASURE, countsOne } from './measures';
import { foldWidth } from './text';

export type QuantityKind = 'percent' | 'points' | 'amount' | 'number';

export interface Quantity {
  start: number;
  end: number;
  text: string;
  /** The value in base units (万, 亿 applied; a percentage in percent); a range's ends, else equal. */
  low: number;
  high: number;
  kind: QuantityKind;
  /** The currency of an amount (元, 美元 …); the measure word of a number (个, 吨, 年 …); '%'. */
  unit: string;
  /** Written with a scale (万, 亿, million …), so a slip of scale is possible. */
  scaled: boolean;
  /** A rounding of the true figure: 多/余/超过 (at least), 近/不到 (at most), 约/左右 (about). */
  approx: Approximation | null;
}

export type Approximation = 'over' | 'under' | 'about';

const CN_FIGURE = '[零〇○一二两兩三四五六七八九十百千万萬亿億]+(?:[点點][零〇○一二三四五六七八九]+)?';
const START = new RegExp(`(百分之|千分之)|(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|(${CN_FIGURE})`, 'g');

const SCALES: [RegExp, number][] = [
  [/^(?:万亿|萬億)/, 1e12],
  [/^(?:亿|億)/, 1e8],
  [/^千万/, 1e7],
  [/^百万/, 1e6],
  [/^(?:万|萬)(?![米克瓦])/, 1e4],
  [/^\s*(?:trillion)\b/i, 1e12],
  [/^\s*(?:billion|bn)\b/i, 1e9],
  [/^\s*(?:million|mn)\b/i, 1e6],
  [/^\s*(?:thousand)\b/i, 1e3],
];

const CURRENCIES: [RegExp, string][] = [
  [/^(?:美元|\s*(?:us )?dollars?\b)/i, '美元'],
  [/^(?:欧元|\s*euros?\b)/i, '欧元'],
  [/^(?:英镑|\s*pounds? sterling\b)/i, '英镑'],
  [/^日元/, '日元'],
  [/^(?:港元|港币)/, '港元'],
  [/^(?:元|块钱|\s*(?:yuan|renminbi|rmb)\b)/i, '元'],
];
const CURRENCY_BEFORE: [RegExp, string][] = [
  [/(?:US\$|\$)\s*$/, '美元'],
  [/€\s*$/, '欧元'],
  [/£\s*$/, '英镑'],
  [/(?:¥|RMB\s*|人民币)$/i, '元'],
];

/** Set phrases with numerals that count nothing. */
const IDIOMS =
  /三番五次|千家万户|千方百计|万众一心|一心一意|四面八方|五湖四海|七上八下|十全十美|千军万马|一五一十|三令五申|百花齐放|百家争鸣|千变万化|万无一失|一举两得|三位一体|九牛一毛|五花八门|千千万万|成千上万|千百万/g;

const APPROX_BEFORE: [RegExp, Approximation][] = [
  [/(?:超过|超|逾|至少|不少于|more than|over|at least)\s*$/i, 'over'],
  [/(?:将近|接近|近|不到|不足|nearly|almost|less than|up to)\s*$/i, 'under'],
  [/(?:大约|约为|约|about|around|approximately|roughly|some)\s*$/i, 'about'],
];
const APPROX_MID: [RegExp, Approximation][] = [
  [/^(?:多|余|餘)/, 'over'],
  [/^来/, 'about'],
];
const APPROX_AFTER: [RegExp, Approximation][] = [
  [/^(?:以上|多|余|餘)/, 'over'],
  [/^(?:以下|以内)/, 'under'],
  [/^(?:左右|上下)/, 'about'],
];

function approximation(rules: [RegExp, Approximation][], text: string): { length: number; kind: Approximation } | null {
  for (const [re, kind] of rules) {
    const m = re.exec(text);
    if (m) return { length: m[0].length, kind };
  }
  return null;
}

const RANGE = /^\s*(?:至|到|~|—|–|-)\s*/;
const LATIN_UNIT = /^(?:trillion|billion|million|thousand|bn|mn|percent)\b/i;

interface Figure {
  value: number;
  end: number;
  chinese: boolean;
  /** The scale written with it (1 when none). */
  scale: number;
  approx: Approximation | null;
}

/** A figure at `at` (Arabic with its scale, or a Chinese numeral), or null. */
function readFigure(f: string, at: number): Figure | null {
  const arabic = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/.exec(f.slice(at));
  if (arabic) {
    // C919, 5G: a designation, not a figure (facts.ts checks those as they stand).
    const rest = f.slice(at + arabic[0].length);
    if (/[A-Za-z]/.test(f[at - 1] ?? '') || (/^[A-Za-z]/.test(rest) && !LATIN_UNIT.test(rest))) return null;
    let end = at + arabic[0].length;
    // 10多万 or 10万多: the approximation before or after the scale.
    const mid = approximation(APPROX_MID, f.slice(end));
    if (mid) end += mid.length;
    const [value, scale, scaledEnd] = withScale(Number(arabic[0].replace(/,/g, '')), f, end);
    const late = mid ? null : approximation(APPROX_MID, f.slice(scaledEnd));
    const approx = mid?.kind ?? late?.kind ?? null;
    return { value, end: scaledEnd + (late?.length ?? 0), chinese: false, scale, approx };
  }
  const cn = new RegExp(`^${CN_FIGURE}`).exec(f.slice(at));
  if (!cn) return null;
  let text = cn[0];
  let end = at + text.length;
  const mid = approximation(APPROX_MID, f.slice(end));
  if (mid) end += mid.length;
  const approx = mid?.kind ?? null;
  // 七千多万, 十余万: the approximation sits before the last scale character.
  const split = mid && /^[万萬亿億]/.exec(f.slice(end));
  if (split) {
    text += split[0];
    end += 1;
  }
  const parsed = parseChineseNumber(text);
  if (parsed === null || /^[百千万萬亿億]$/.test(text)) return null;
  // 十二点五亿: a scale after the decimal part.
  const [value, scale, scaledEnd] = /[点點]/.test(text) ? withScale(parsed, f, end) : [parsed, 1, end];
  const inner = /[亿億]/.test(text) ? 1e8 : /[万萬]/.test(text) ? 1e4 : 1;
  return { value, end: scaledEnd, chinese: true, scale: Math.max(scale, inner), approx };
}

function withScale(value: number, f: string, at: number): [number, number, number] {
  for (const [re, scale] of SCALES) {
    const s = re.exec(f.slice(at));
    if (s) return [value * scale, scale, at + s[0].length];
  }
  return [value, 1, at];
}

interface Unit {
  kind: QuantityKind;
  unit: string;
  end: number;
  factor: number;
}

function readUnit(f: string, at: number, currencyBefore: string | null): Unit | null {
  const rest = f.slice(at);
  const pct = /^\s*(?:%|percent\b|per cent\b)/i.exec(rest);
  if (pct) return { kind: 'percent', unit: '%', end: at + pct[0].length, factor: 1 };
  const mille = /^\s*‰/.exec(rest);
  if (mille) return { kind: 'percent', unit: '%', end: at + mille[0].length, factor: 0.1 };
  const points = /^(?:\s*个百分点|\s*個百分點|\s*percentage points?\b)/i.exec(rest);
  if (points) return { kind: 'points', unit: '个百分点', end: at + points[0].length, factor: 1 };
  for (const [re, currency] of CURRENCIES) {
    const m = re.exec(rest);
    if (m) return { kind: 'amount', unit: currency, end: at + m[0].length, factor: 1 };
  }
  if (currencyBefore) return { kind: 'amount', unit: currencyBefore, end: at, factor: 1 };
  const measure = MEASURE.exec(rest);
  if (measure) return { kind: 'number', unit: measure[0], end: at + measure[0].length, factor: 1 };
  return null;
}

/** Every quantity in the text, in order; `skip` marks spans (dates) that are not quantities. */
export function findQuantities(text: string, skip: readonly { start: number; end: number }[] = []): Quantity[] {
  const f = foldWidth(text);
  const blocked = new Uint8Array(f.length + 1);
  for (const s of skip) blocked.fill(1, s.start, s.end);
  for (const m of f.matchAll(IDIOMS)) blocked.fill(1, m.index, m.index + m[0].length);
  const out: Quantity[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(f); m; m = START.exec(f)) {
    if (blocked[m.index]) continue;
    const q = readQuantity(f, text, m.index, m[1] !== undefined);
    if (!q || blocked.subarray(q.start, q.end).some(Boolean)) continue;
    out.push(q);
    START.lastIndex = q.end;
  }
  return out;
}

function readQuantity(f: string, text: string, at: number, perHundred: boolean): Quantity | null {
  const figureAt = perHundred ? at + 3 : at;
  const first = readFigure(f, figureAt);
  if (!first) return null;
  const before = f.slice(Math.max(0, at - 12), at);
  const currencyBefore = CURRENCY_BEFORE.find(([re]) => re.test(before))?.[1] ?? null;
  let unit: Unit | null = perHundred
    ? { kind: 'percent', unit: '%', end: first.end, factor: f.startsWith('千', at) ? 0.1 : 1 }
    : readUnit(f, first.end, currencyBefore);
  let low = first.value;
  let high = first.value;
  let end = unit ? unit.end : first.end;
  let scaled = first.scale > 1;
  let approx = first.approx;

  const range = RANGE.exec(f.slice(end));
  if (range) {
    const nextAt = end + range[0].length;
    const again = /^[百千]分之/.test(f.slice(nextAt, nextAt + 3)) ? 3 : 0;
    const second = readFigure(f, nextAt + again);
    const secondUnit =
      second && (again || (perHundred && !readUnit(f, second.end, null)))
        ? { ...unit!, end: second.end }
        : second && readUnit(f, second.end, currencyBefore);
    if (second && (secondUnit ? !unit || secondUnit.kind === unit.kind : !unit)) {
      // 2至3万元: a scale written once applies to both ends.
      low = first.scale === 1 && second.scale > 1 ? first.value * second.scale : first.value;
      high = second.value;
      unit = unit ?? secondUnit ?? null;
      end = secondUnit ? secondUnit.end : second.end;
      scaled ||= second.scale > 1;
      approx ??= second.approx;
    }
  }

  if (first.chinese && !perHundred && !unit && !(scaled && low >= 1e4)) return null;
  // 第一 is no count; 第十四届 is. 一个, 一批, 一年 are articles more than counts; 一倍, 一吨 count.
  if (first.chinese && f[at - 1] === '第' && (low < 2 || unit?.kind !== 'number')) return null;
  if (first.chinese && low === 1 && high === 1 && !countsOne(unit?.unit ?? '')) return null;

  const after = approximation(APPROX_AFTER, f.slice(end));
  if (after) end += after.length;
  const sign = currencyBefore ? /(?:US\$|\$|€|£|¥|RMB\s*|人民币)\s*$/i.exec(before) : null;
  const lead = approximation(APPROX_BEFORE, sign ? before.slice(0, -sign[0].length) : before);
  approx = lead?.kind ?? approx ?? after?.kind ?? null;
  const start = at - (sign ? sign[0].length : 0) - (lead ? lead.length : 0);
  const factor = unit?.factor ?? 1;
  return {
    start,
    end,
    text: text.slice(start, end),
    low: low * factor,
    high: high * factor,
    kind: unit?.kind ?? 'number',
    unit: unit?.unit ?? '',
    scaled,
    approx,
  };
}
