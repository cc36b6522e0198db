/**
 * Check digits of Chinese identifiers (see ../../shared/docs/DOMAIN.md §5). Pure: used by the PII
 * detector before a request and by form validation.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province-level codes of GB/T 2260 (83: Taiwan residence permits; 81/82: Hong Kong, Macao). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

const ymd = (d: Date) => d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();

/** A real calendar date from 1900-01-01 up to `today`. */
function isBirthDate(year: number, month: number, day: number, today: Date): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days && year * 10000 + month * 100 + day <= ymd(today);
}

/**
 * 居民身份证号码 (GB 11643): 18 characters, a province-level region, a birth date that existed
 * and is not in the future, and the check character ("x" is accepted for "X").
 */
export function isValidResidentId(s: string, today: Date = new Date()): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  if (!isBirthDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)), today)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100): 18 characters of the alphabet without I O S V Z, check character last. */
export function isValidCreditCode(s: string): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const value = USCC_ALPHABET.indexOf(s[i]!);
    if (value < 0) return false;
    if (i < 17) sum += value * USCC_WEIGHTS[i]!;
    else return (31 - (sum % 31)) % 31 === value;
  }
  return false;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * 组织机构代码 (GB 11714): 8 digits or capitals and a check character. Positions 9–17 of a credit
 * code are one, which tells an all-digit credit code from an ID number that happens to pass both.
 */
export function isValidOrgCode(s: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(s[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return s[8] === (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** Luhn (ISO/IEC 7812): from the right, double every second digit; the sum is a multiple of 10. */
export function luhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}
