import type { PiiEntity, PiiType } from '../domain/endpoint';
import type { PiiRules } from '../policy/schema';
import { isValidCreditCode, isValidOrgCode, isValidResidentId, luhn } from './checksums';

/**
 * Personal identifiers in free text (DOMAIN.md §5). Precision matters as much as recall: 文号,
 * dates, amounts, order numbers and 统一社会信用代码 must reach the model unchanged, so every
 * number type needs a checksum or a context, and none may be cut out of a longer run.
 */

export type DetectedPii = Omit<PiiEntity, 'placeholder'>;

// Numbers: no ASCII letter or digit on either side, and not the integer part of a decimal.
const NOT_AFTER = String.raw`(?<![0-9A-Za-z]|\d[.,])`;
const NOT_BEFORE = String.raw`(?![0-9A-Za-z]|[.,]\d)`;

/** 6-8-4, compact or grouped by one kind of separator. */
const ID_RE = new RegExp(String.raw`${NOT_AFTER}\d{6}([- ]?)\d{8}\1\d{3}[\dXx]${NOT_BEFORE}`, 'g');
/** Upper case only, as issued; letters I O S V Z never occur. */
const CREDIT_RE = new RegExp(String.raw`${NOT_AFTER}[0-9A-HJ-NP-RTUWXY]{18}${NOT_BEFORE}`, 'g');
/** 16–19 digits, compact or 4-4-4-4(-1..3). */
const CARD_RE = new RegExp(String.raw`${NOT_AFTER}\d{4}([- ]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?${NOT_BEFORE}`, 'g');
/** Optional +86 / 0086 / (+86), then 11 digits compact or 3-4-4. */
const MOBILE_RE = new RegExp(
  String.raw`${NOT_AFTER}(?:(?:\+|00)?86[- ]?|[(（]\+?86[)）][- ]?)?1[3-9]\d(?:\d{8}|([- ])\d{4}\1\d{4})${NOT_BEFORE}`,
  'g',
);
/** RFC 5322 lite: ASCII local part, dotted domain, alphabetic TLD. */
const EMAIL_RE =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

const CARD_LABEL = /卡号|银行卡|账号|帐号|账户|帐户|开户行|储蓄卡|信用卡|借记卡|card|account|acct|a\/c/gi;
const CREDIT_LABEL = /信用代码|税号|纳税人识别号|credit code|USCC/gi;
/** How far before a number its label may end. */
const LABEL_GAP = 12;
const SENTENCE_END = /[。；;！？!?\n]/g;
const AMOUNT_AFTER = /^\s?(?:元|万|亿|块|圆|美元|港元|欧元)/;
const AMOUNT_BEFORE = /(?:[¥￥$]|RMB|CNY)\s?$/i;

/**
 * Full-width digits, letters and + - . @ (IME full-width mode) read as ASCII. One UTF-16 unit each
 * way, so offsets stay; "，" stays a separator, not a thousands comma.
 */
const asciiFold = (text: string) =>
  text.replace(/[\uff0b\uff0d\uff0e\uff10-\uff19\uff20-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const digitsOf = (s: string) => s.replace(/[^0-9Xx]/g, '');

/** A label ends at most LABEL_GAP characters before `start`, in the same sentence. */
function labelled(text: string, start: number, labels: RegExp): boolean {
  let from = Math.max(0, start - LABEL_GAP - 8);
  const window = text.slice(from, start);
  let cut = 0;
  for (const m of window.matchAll(SENTENCE_END)) cut = m.index + 1;
  from += cut;
  for (const m of window.slice(cut).matchAll(labels)) {
    if (start - (from + m.index + m[0].length) <= LABEL_GAP) return true;
  }
  return false;
}

const isAmount = (text: string, start: number, end: number) =>
  AMOUNT_AFTER.test(text.slice(end, end + 3)) || AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 4), start));

/** A grouped number continued by the same separator and more digits is part of something longer. */
const continues = (text: string, start: number, end: number, sep: string | undefined) =>
  Boolean(sep) &&
  ((text[start - 1] === sep && isDigit(text[start - 2])) || (text[end] === sep && isDigit(text[end + 1])));

/** Luhn, and a card label or a UnionPay BIN: ~10% of any digits pass Luhn alone. */
const isCard = (text: string, start: number, digits: string) =>
  luhn(digits) && (digits.startsWith('62') || labelled(text, start, CARD_LABEL));

/**
 * An all-digit credit code may also pass as an ID number or a card (~3% of those pass the
 * credit-code check, ~0.3% with its 组织机构代码 in positions 9–17 too). Then a label decides;
 * without one the personal reading wins, since leaking an ID is worse than hiding a credit code.
 */
function isCreditCode(text: string, start: number, code: string): boolean {
  if (!isValidCreditCode(code)) return false;
  if (!/^\d{17}[\dX]$/.test(code) || labelled(text, start, CREDIT_LABEL)) return true;
  return isValidOrgCode(code.slice(8, 17)) && !isValidResidentId(code) && !isCard(text, start, code);
}

type Kind = PiiType | 'credit_code';
interface Candidate {
  type: Kind;
  start: number;
  end: number;
}

function* matches(re: RegExp, text: string, accept: (m: RegExpExecArray) => Kind | null): Generator<Candidate> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const type = accept(m);
    if (type) yield { type, start: m.index, end: m.index + m[0].length };
  }
}

/** In order of precedence: an e-mail wins over the digits in it, a credit code over an ID. */
function candidates(text: string): Iterable<Candidate>[] {
  return [
    text.includes('@') ? matches(EMAIL_RE, text, () => 'email') : [],
    matches(CREDIT_RE, text, (m) => (isCreditCode(text, m.index, m[0]) ? 'credit_code' : null)),
    matches(ID_RE, text, (m) =>
      isValidResidentId(digitsOf(m[0])) && !isAmount(text, m.index, m.index + m[0].length) ? 'id_number' : null,
    ),
    matches(CARD_RE, text, (m) => {
      const end = m.index + m[0].length;
      if (continues(text, m.index, end, m[1]) || isAmount(text, m.index, end)) return null;
      return isCard(text, m.index, digitsOf(m[0])) ? 'bank_card' : null;
    }),
    matches(MOBILE_RE, text, (m) => {
      const end = m.index + m[0].length;
      return continues(text, m.index, end, m[1]) || isAmount(text, m.index, end) ? null : 'mobile';
    }),
  ];
}

/**
 * Personal identifiers in `text`, sorted by start and never overlapping; `start`/`end` are UTF-16
 * offsets and `value` is the text as written (separators included). Types switched off in `rules`
 * are not reported, but still keep their digits from being read as another type.
 */
export function detectPii(text: string, rules: Partial<PiiRules> = {}): DetectedPii[] {
  const taken = new Uint8Array(text.length);
  const found: DetectedPii[] = [];
  for (const source of candidates(asciiFold(text))) {
    for (const c of source) {
      let free = true;
      for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      if (c.type !== 'credit_code' && rules[c.type] !== false) {
        found.push({ type: c.type, start: c.start, end: c.end, value: text.slice(c.start, c.end) });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
