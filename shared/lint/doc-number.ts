/**
 * F1 文号 year brackets 〔〕 and F2 文号 form `^\S+〔\d{4}〕[1-9]\d*号$` (GB/T 9704 7.2.5):
 * no 第, no leading zeros, a 4-digit year, ending in 号.
 */
import { foldDigits } from '../gongwen/numerals';
import { fieldProblem, label, lineProblem } from './problem';
import type { Structure } from './structure';
import { DOC_NUMBER_LOOSE } from './structure';
import type { LintProblem, Text2 } from './types';

const GOOD_OPEN = '〔';
const GOOD_CLOSE = '〕';

interface Found {
  /** Offsets into the searched string. */
  open: number;
  close: number;
  yearStart: number;
  year: string;
  di: number | null;
  serialStart: number;
  serial: string;
  /** Offset just after the serial; the 号 sits here when present. */
  serialEnd: number;
  hasHao: boolean;
  openChar: string;
  closeChar: string;
}

function scan(s: string, from: number): Found | null {
  const re = new RegExp(DOC_NUMBER_LOOSE.source, 'gud');
  re.lastIndex = from;
  const m = re.exec(s);
  if (!m?.indices) return null;
  const at = (g: number) => m.indices![g] ?? [-1, -1];
  const [open = '', year = '', close = '', di = '', serial = '', hao = ''] = m.slice(2);
  return {
    open: at(2)[0],
    close: at(4)[0],
    yearStart: at(3)[0],
    year,
    di: di ? at(5)[0] : null,
    serialStart: at(6)[0],
    serial,
    serialEnd: at(6)[1],
    hasHao: hao === '号',
    openChar: open,
    closeChar: close,
  };
}

const FIX_BRACKETS = label('改为六角括号〔〕', 'Use the tortoise-shell brackets 〔〕');

type Emit = (start: number, end: number, message: Text2, fix: LintProblem['fix'], rule: 'F1' | 'F2') => void;

function checkOne(f: Found, standalone: boolean, emit: Emit): void {
  if (f.openChar !== GOOD_OPEN || f.closeChar !== GOOD_CLOSE) {
    emit(
      f.open,
      f.close + 1,
      label(
        `发文字号的年份应使用六角括号〔〕，不能用“${f.openChar}${f.closeChar}”`,
        `The year in a document number takes 〔〕, not ${f.openChar}${f.closeChar}`,
      ),
      { text: `${GOOD_OPEN}${f.year}${GOOD_CLOSE}`, label: FIX_BRACKETS },
      'F1',
    );
  }
  const year = foldDigits(f.year);
  if (year.length !== 4) {
    emit(
      f.yearStart,
      f.yearStart + f.year.length,
      label(
        '发文字号的年份应写全四位，如〔2026〕',
        'Write the full four-digit year in a document number, e.g. 〔2026〕',
      ),
      null,
      'F2',
    );
  }
  if (f.di !== null) {
    emit(
      f.di,
      f.di + 1,
      label('发文字号的序号前不加“第”', 'No 第 before the serial number of a document number'),
      { text: '', label: label('删除“第”', 'Remove 第') },
      'F2',
    );
  }
  const serial = foldDigits(f.serial);
  if (/^0/u.test(serial)) {
    const stripped = serial.replace(/^0+/u, '');
    emit(
      f.serialStart,
      f.serialEnd,
      label('发文字号的序号不编虚位（1不编为01）', 'No leading zeros in the serial number (1, not 01)'),
      stripped ? { text: stripped, label: label(`改为“${stripped}”`, `Change to ${stripped}`) } : null,
      'F2',
    );
  }
  if (standalone && !f.hasHao) {
    emit(
      f.serialEnd,
      f.serialEnd,
      label('发文字号应以“号”结尾', 'A document number ends in 号'),
      { text: '号', label: label('补上“号”', 'Add 号') },
      'F2',
    );
  }
}

/** 文号 in the text: the 文号 line (all checks) and 文号 cited in any other line (brackets, 第, zeros). */
export function checkDocNumbersInText(s: Structure): LintProblem[] {
  const out: LintProblem[] = [];
  for (const line of s.lines) {
    if (line.role === 'blank') continue;
    const standalone = line.role === 'docNumber';
    for (let from = 0; ;) {
      const f = scan(line.raw, from);
      if (!f) break;
      from = f.serialEnd;
      // A cited 文号 must end in 号 to be recognized at all (a bare "（2026）5" is no 文号).
      if (!standalone && !f.hasHao) continue;
      checkOne(f, standalone, (start, end, message, fix, rule) =>
        out.push(lineProblem(rule, line.no, start, end, 'error', message, fix)),
      );
    }
  }
  return out;
}

const FORM = /^\S+〔\d{4}〕[1-9]\d*号$/u;

/** The docNumber field: brackets, then the whole form. */
export function checkDocNumberField(value: string, field = 'docNumber'): LintProblem[] {
  const v = value.trim();
  if (!v) return [];
  const out: LintProblem[] = [];
  const f = scan(v, 0);
  if (f) {
    checkOne(f, true, (start, end, message, fix, rule) => {
      const whole = fix ? v.slice(0, start) + fix.text + v.slice(end) : null;
      out.push(fieldProblem(rule, field, start, end, 'error', message, fix && { text: whole!, label: fix.label }));
    });
  }
  if (out.length === 0 && !FORM.test(v)) {
    out.push(
      fieldProblem(
        'F2',
        field,
        0,
        v.length,
        'error',
        label(
          '发文字号应为“机关代字〔年份〕序号号”，如“X府发〔2026〕5号”',
          'A document number reads 代字〔year〕serial号, e.g. X府发〔2026〕5号',
        ),
      ),
    );
  }
  return out;
}
