import type { FieldProblem, ProfileField } from '../domain/form';
import { parseChineseNumber, digitValue } from '../gongwen/numerals';
import { isValidCreditCode, isValidResidentId } from '../pii/checksums';
import { findDates } from '../verify/dates';
import { foldWidth } from '../verify/text';

/**
 * What a field's value must look like (its validation type), and the one spelling a form gets:
 * dates as 公文 write them (GB/T 9704: 2026年3月5日, Arabic figures, no leading zeros), mobiles as
 * 11 digits and landlines as 区号-号码, identifiers without separators. Everything else is kept as
 * written. An empty value is never invalid: whether a field may stay empty is another question.
 */

export interface FormDate {
  year: number;
  month: number;
  day?: number;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A value that is one date stating at least year and month (2026-03-05, 2026年3月, 二〇二六年三月五日). */
export function readDate(value: string): FormDate | null {
  const text = value.trim();
  const dates = findDates(text);
  const d = dates[0];
  if (dates.length !== 1 || !d || d.start !== 0 || d.end !== text.length) return null;
  if (d.year === undefined || d.month === undefined) return null;
  if (d.day !== undefined && d.day > daysIn(d.year, d.month)) return null;
  return { year: d.year, month: d.month, ...(d.day !== undefined && { day: d.day }) };
}

const ARABIC_AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([万亿])?\s*元?$/;
/** 大写 figures (壹万贰仟元整) read as ordinary Chinese numerals. */
const CAPITALS: Record<string, string> = {
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  圆: '元',
};
const CHINESE_AMOUNT = /^(.*?)元?(?:零?(.)角)?(?:零?(.)分)?$/;

/** A sum of money in 元: 1,234.50 / 1234.5元 / 1.2万 / 1000万元 / ¥1,234 / 壹万贰仟元整. */
export function readAmount(value: string): number | null {
  const text = foldWidth(value.trim())
    .replace(/^(?:¥|RMB|CNY|人民币)\s*/i, '')
    .replace(/[整正]$/, '');
  const arabic = ARABIC_AMOUNT.exec(text);
  if (arabic) {
    const scale = arabic[3] === '亿' ? 1e8 : arabic[3] === '万' ? 1e4 : 1;
    return Number(`${arabic[1]!.replace(/,/g, '')}${arabic[2] ?? ''}`) * scale;
  }
  const cn = CHINESE_AMOUNT.exec([...text].map((ch) => CAPITALS[ch] ?? ch).join(''));
  if (!cn || cn[0] === '' || /^[元角分]/.test(cn[0])) return null;
  const whole = cn[1] === '' ? 0 : parseChineseNumber(cn[1]!);
  const jiao = cn[2] === undefined ? 0 : digitValue(cn[2]);
  const fen = cn[3] === undefined ? 0 : digitValue(cn[3]);
  if (whole === null || jiao === null || fen === null) return null;
  return whole + jiao / 10 + fen / 100;
}

/** Three-digit area codes: 010 and 02x; every other one has four digits. */
const LANDLINE = /^(010|02\d|0[3-9]\d{2})(\d{7,8})$/;
const MOBILE = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;

/** A Chinese mobile (13800138000) or landline (010-12345678) in its canonical spelling. */
export function readPhone(value: string): string | null {
  const text = foldWidth(value.trim()).replace(/[\s\-–—()]/g, '');
  const mobile = MOBILE.exec(text);
  if (mobile) return mobile[1]!;
  const landline = LANDLINE.exec(text);
  return landline ? `${landline[1]}-${landline[2]}` : null;
}

/** An identifier as issued: no spaces or dashes, upper case. */
export const compactCode = (value: string) => foldWidth(value).replace(/[\s-]/g, '').toUpperCase();

const YES = /^(?:true|yes|on|是|有|√|✓|☑)$/i;
const NO = /^(?:false|no|off|否|无|没有)$/i;

/** A checkbox answer: true, false, or null when it is neither. */
export function readYesNo(value: string): boolean | null {
  const text = value.trim();
  return YES.test(text) ? true : NO.test(text) ? false : null;
}

const fold = (s: string) => foldWidth(s).trim().toLowerCase();

/** The option as the form spells it, matched regardless of width and case. */
export function matchOption(options: readonly string[] | undefined, value: string): string | undefined {
  return options?.find((o) => fold(o) === fold(value));
}

/** A multi-select list value names several options. */
const LIST_SEPARATOR = /[,，、;；]/;

function isChoice(field: ProfileField, value: string): boolean {
  if (matchOption(field.options, value) !== undefined) return true;
  if (field.type === 'checkbox') return readYesNo(value) !== null;
  if (!field.options?.length) return true;
  if (field.type !== 'list') return false;
  const parts = value.split(LIST_SEPARATOR).map((p) => p.trim());
  return parts.every((p) => matchOption(field.options, p) !== undefined);
}

function isValid(field: ProfileField, value: string): boolean {
  switch (field.validation) {
    case 'id_number':
      return isValidResidentId(compactCode(value));
    case 'credit_code':
      return isValidCreditCode(compactCode(value));
    case 'phone':
      return readPhone(value) !== null;
    case 'date':
      return readDate(value) !== null;
    case 'amount':
      return readAmount(value) !== null;
    default:
      return true;
  }
}

export function validateValue(field: ProfileField, value: string): FieldProblem[] {
  if (value.trim() === '') return [];
  const problems: FieldProblem[] = [];
  if (field.validation === 'choice' ? !isChoice(field, value) : !isValid(field, value)) {
    problems.push(field.validation === 'choice' ? 'not_an_option' : 'invalid');
  }
  if (field.maxLength !== undefined && [...value].length > field.maxLength) problems.push('too_long');
  return problems;
}

/** The spelling the form gets; a value that does not parse is kept as written (trimmed). */
export function normalizeValue(field: ProfileField, value: string): string {
  const text = value.trim();
  switch (field.validation) {
    case 'date': {
      const d = readDate(text);
      return d ? `${d.year}年${d.month}月${d.day !== undefined ? `${d.day}日` : ''}` : text;
    }
    case 'phone':
      return readPhone(text) ?? text;
    case 'id_number':
    case 'credit_code':
      return compactCode(text);
    case 'choice': {
      const option = matchOption(field.options, text);
      const yes = field.type === 'checkbox' ? readYesNo(text) : null;
      return option ?? (yes === null ? text : String(yes));
    }
    default:
      return text;
  }
}
