/**
 * Dates in a summary and its sources: 2026年3月5日, 3月5日, 2026年3月, 2026年, 二〇二六年三月五日,
 * 2026-03-05, 2026.3.5, 2021—2025年, 5月1日至5日, and English (March 5, 2026; 5 March 2026).
 * A date states some of year, month and day; two dates are compared on what they state.
 */
import { parseChineseInteger, parseDigitSequence } from '../gongwen/numerals';
import { foldWidth } from './text';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  year?: number;
  month?: number;
  day?: number;
}

const CN_YEAR = '[〇○◯零一二三四五六七八九]{4}';
const YEAR = `((?:19|20)\\d\\d|${CN_YEAR})`;
const PART = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const SEP = '[—–\\-~至到]';

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end' | 'text'> | null }[] = [
  {
    re: /(?<![\d.])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    re: new RegExp(`(?<!\\d)${YEAR}\\s*年(?:\\s*${PART}\\s*月(?:\\s*${PART}\\s*[日号])?)?`, 'g'),
    read: (m) => ({ year: year(m[1]!), month: part(m[2]), day: part(m[3]) }),
  },
  {
    re: new RegExp(`(?<![\\d一二三四五六七八九十])${PART}\\s*月(?:\\s*${PART}\\s*[日号])?`, 'g'),
    read: (m) => ({ month: part(m[1]), day: part(m[2]) }),
  },
  {
    re: new RegExp(`(?<![\\d])${YEAR}(?=\\s*${SEP}\\s*${YEAR}\\s*年)`, 'g'),
    read: (m) => ({ year: year(m[1]!) }),
  },
];

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const MONTH_NAME =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const ENGLISH: { re: RegExp; read: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end' | 'text'> | null }[] = [
  {
    re: new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+((?:19|20)\\d\\d)\\b)?`, 'g'),
    read: (m) => ({ month: monthOf(m[1]!), day: Number(m[2]), year: m[3] ? Number(m[3]) : undefined }),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}(?:,?\\s+((?:19|20)\\d\\d))?\\b`, 'g'),
    read: (m) => ({ day: Number(m[1]), month: monthOf(m[2]!), year: m[3] ? Number(m[3]) : undefined }),
  },
  {
    re: new RegExp(`\\b${MONTH_NAME}\\s+((?:19|20)\\d\\d)\\b`, 'g'),
    read: (m) => ({ month: monthOf(m[1]!), year: Number(m[2]) }),
  },
  {
    // A bare year in running text (in 2023, the 2024 budget, 〔2022〕), not a figure like 2000多家.
    re: /(?<![\d.,$¥€£A-Za-z])((?:19|20)\d\d)(?![\d%年月日\u4e00-\u9fff]|[.,]\d|\s*(?:percent|per cent|million|billion|trillion|thousand)\b)/g,
    read: (m) => ({ year: Number(m[1]) }),
  },
];

function year(text: string): number | undefined {
  return parseDigitSequence(text.replace(/[○◯]/g, '〇')) ?? undefined;
}

function part(text: string | undefined): number | undefined {
  return text === undefined ? undefined : (parseChineseInteger(text) ?? undefined);
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const valid = (d: Omit<DateMention, 'start' | 'end' | 'text'>) =>
  (d.year === undefined || (d.year >= 1900 && d.year <= 2099)) &&
  (d.month === undefined || (d.month >= 1 && d.month <= 12)) &&
  (d.day === undefined || (d.day >= 1 && d.day <= 31 && d.month !== undefined));

/** Every date mentioned, in order; a later day after 至/— (5月1日至5日) takes the month before it. */
export function findDates(text: string): DateMention[] {
  const folded = foldWidth(text);
  const found: DateMention[] = [];
  const taken = new Uint8Array(folded.length);
  for (const { re, read } of [...PATTERNS, ...ENGLISH]) {
    for (const m of folded.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).some(Boolean)) continue;
      const parts = read(m as RegExpExecArray);
      if (!parts || !valid(parts)) continue;
      taken.fill(1, start, end);
      found.push({ start, end, text: text.slice(start, end), ...definedOnly(parts) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  return withContinuedDays(text, folded, found, taken);
}

function definedOnly(d: Omit<DateMention, 'start' | 'end' | 'text'>): Omit<DateMention, 'start' | 'end' | 'text'> {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
}

/** 5月1日（周四）至5日: the bare 5日 is 5 May. */
function withContinuedDays(text: string, folded: string, found: DateMention[], taken: Uint8Array): DateMention[] {
  const re = new RegExp(`${SEP}\\s*${PART}\\s*[日号]`, 'g');
  const out = [...found];
  for (const m of folded.matchAll(re)) {
    const start = m.index + m[0].length - m[0].replace(new RegExp(`^${SEP}\\s*`), '').length;
    const end = m.index + m[0].length;
    if (taken.subarray(start, end).some(Boolean)) continue;
    const previous = [...found].reverse().find((d) => d.end <= m.index && m.index - d.end <= 12 && d.month);
    const day = part(m[1]);
    if (!previous || day === undefined || day > 31) continue;
    out.push({ start, end, text: text.slice(start, end), year: previous.year, month: previous.month, day });
  }
  return out.sort((a, b) => a.start - b.start).map((d) => definedOnly(d) as DateMention);
}

/**
 * Whether the summary's date agrees with a source date: every part it states is the same there,
 * except that a month-day with no year on one side matches the same month-day with one.
 */
export function sameDate(said: DateMention, source: DateMention): boolean {
  if (said.month !== undefined && said.month !== source.month) return false;
  if (said.day !== undefined && said.day !== source.day) return false;
  if (said.year === undefined || said.year === source.year) return true;
  return source.year === undefined && said.month !== undefined && source.month !== undefined;
}
