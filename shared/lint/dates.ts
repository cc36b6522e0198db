/**
 * F3 dates (GB/T 9704 7.3.5.4): the 成文日期 and the 印发日期 in Arabic numerals, full year, no
 * leading zeros: `2026年5月8日`. Chinese-numeral dates (二〇二六年五月八日) are the pre-2012 form.
 * In body prose only the dotted, dashed and zero-padded forms are flagged, as warnings.
 */
import { parseChineseDate } from '../gongwen/dates';
import { foldDigits } from '../gongwen/numerals';
import { fieldProblem, label, lineProblem } from './problem';
import type { Line, Structure } from './structure';
import type { LintProblem } from './types';

export const GOOD_DATE = /^\d{4}年[1-9]\d?月[1-9]\d?日$/u;

/** The Arabic form of a date written any usual way, or null when it is not one valid date. */
export function arabicDate(text: string): string | null {
  const t = foldDigits(text.trim());
  let iso = parseChineseDate(t);
  if (!iso) {
    const m = /^(\d{4})\s*[.．\-－/／]\s*(\d{1,2})\s*[.．\-－/／]\s*(\d{1,2})$/u.exec(t.replace(/[．－／]/gu, '.'));
    if (m) iso = parseChineseDate(`${m[1]}年${m[2]}月${m[3]}日`);
  }
  if (!iso) return null;
  const [y, mo, d] = iso.split('-').map(Number);
  return `${y}年${mo}月${d}日`;
}

const MESSAGE = label(
  '成文日期、印发日期应使用阿拉伯数字，年份写全，月、日不编虚位，如“2026年5月8日”',
  'Dates of issue and printing take Arabic numerals, a full year and no leading zeros, e.g. 2026年5月8日',
);
const fixLabel = (to: string) => label(`改为“${to}”`, `Change to ${to}`);

function checkDateText(
  text: string,
  at: (start: number, end: number, fixText: string | null) => LintProblem,
): LintProblem[] {
  if (GOOD_DATE.test(text)) return [];
  const to = arabicDate(text);
  return [at(0, text.length, to)];
}

/** The date printed before 印发 on the 印发 line. */
const PRINT_DATE =
  /((?:[0-9０-９]{4}|[〇○◯零OＯ一二三四五六七八九]{4})\s*(?:年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日|[.．\-－/／]\s*[0-9０-９]{1,2}\s*[.．\-－/／]\s*[0-9０-９]{1,2}))\s*印发$/du;

/** Dates in prose that are wrong in any 公文: 2026.05.08, 2026-05-08, 2026年05月08日. */
const PROSE_BAD_DATE =
  /(?<![0-9０-９.．])[0-9０-９]{4}(?:[.．\-－/／][0-9０-９]{1,2}[.．\-－/／][0-9０-９]{1,2}(?![0-9０-９.．])|年0[1-9]月(?:0?[1-9]|[12]\d|3[01])日|年(?:1[0-2]|[1-9])月0[1-9]日)/gu;

export function checkDates(s: Structure, fields: Record<string, string>): LintProblem[] {
  const out: LintProblem[] = [];
  const onLine = (line: Line, offset: number) => (start: number, end: number, to: string | null) =>
    lineProblem(
      'F3',
      line.no,
      offset + start,
      offset + end,
      'error',
      MESSAGE,
      to ? { text: to, label: fixLabel(to) } : null,
    );

  for (const line of s.lines) {
    if (line.role === 'date') {
      out.push(...checkDateText(line.content, onLine(line, line.indent)));
    } else if (line.role === 'print') {
      const m = PRINT_DATE.exec(line.raw);
      const span = m?.indices?.[1];
      if (m && span) out.push(...checkDateText(m[1] ?? '', onLine(line, span[0])));
    } else if (line.role === 'body' || line.role === 'title' || line.role === 'recipients' || line.role === 'note') {
      for (const m of line.raw.matchAll(PROSE_BAD_DATE)) {
        const to = arabicDate(m[0]);
        if (!to) continue;
        out.push(
          lineProblem(
            'F3',
            line.no,
            m.index,
            m.index + m[0].length,
            'warning',
            label(`日期宜写作“${to}”`, `Write the date as ${to}`),
            { text: to, label: fixLabel(to) },
          ),
        );
      }
    }
  }

  for (const [key, value] of Object.entries(fields)) {
    if (!/^(?:date|printDate|issuedDate)$/u.test(key) || !value.trim()) continue;
    const v = value.trim();
    out.push(
      ...checkDateText(v, (start, end, to) =>
        fieldProblem('F3', key, start, end, 'error', MESSAGE, to ? { text: to, label: fixLabel(to) } : null),
      ),
    );
  }
  return out;
}
