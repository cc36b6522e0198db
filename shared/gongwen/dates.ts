/**
 * 成文日期 in the two forms found in practice: Arabic (2024年12月11日, the GB/T 9704-2012 form)
 * and Chinese numerals (二〇二四年十二月十一日, the pre-2012 form still seen in incoming files).
 */
import { foldDigits, parseChineseInteger, parseDigitSequence } from './numerals';

const YEAR = '(\\d{4}|[〇○◯零OＯ一二三四五六七八九]{4})';
const MONTH_OR_DAY = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';

/** Source of a date pattern with groups year, month, day; run it on foldDigits(text). */
export const DATE_SOURCE = `${YEAR}\\s*年\\s*${MONTH_OR_DAY}\\s*月\\s*${MONTH_OR_DAY}\\s*日`;

/** ISO YYYY-MM-DD for a calendar date that exists (1900–2099), else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO date from the three captured parts of DATE_SOURCE, or null if any part is not a number or the date does not exist. */
export function isoDateFromParts(year: string, month: string, day: string): string | null {
  const y = parseDigitSequence(year);
  const m = parseChineseInteger(month);
  const d = parseChineseInteger(day);
  if (y === null || m === null || d === null) return null;
  return isoDate(y, m, d);
}

const WHOLE_DATE = new RegExp(`^${DATE_SOURCE}$`, 'u');

/** Parses text that is exactly one date ("2024年12月11日", "二〇二四年十二月十一日") to ISO, else null. */
export function parseChineseDate(text: string): string | null {
  const m = WHOLE_DATE.exec(foldDigits(text.trim()));
  if (!m) return null;
  return isoDateFromParts(m[1] ?? '', m[2] ?? '', m[3] ?? '');
}
