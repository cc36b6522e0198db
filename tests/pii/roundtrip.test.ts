import type { PiiType } from '../../shared/domain/endpoint';
import { isValidResidentId, luhn } from '../../shared/pii/checksums';
import { Redactor } from '../../shared/pii/redactor';
import type { StreamRestorer } from '../../shared/pii/redactor';
import { mulberry32 } from '../support/random';

/**
 * 1,000 generated identifiers with valid checksums, in the formats people write, inside Chinese
 * and English sentences: every one is redacted, and restored exactly — whole or streamed.
 */

/** mulberry32: small, seeded, good enough for test data. */
function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!,
    digits: (n: number) => Array.from({ length: n }, () => String(int(10))).join(''),
  };
}
type Rng = ReturnType<typeof prng>;

const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function residentId(r: Rng): string {
  const region = `${r.pick(PROVINCES)}${pad(1 + r.int(20))}${pad(1 + r.int(40))}`;
  const from = Date.UTC(1900, 0, 1);
  const birth = new Date(from + r.int(Date.UTC(2025, 11, 31) - from));
  const date = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1)}${pad(birth.getUTCDate())}`;
  const first17 = region + date + r.digits(3);
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

function luhnComplete(body: string): string {
  for (let d = 0; d < 10; d++) if (luhn(body + d)) return body + d;
  throw new Error('unreachable');
}

const groups = (s: string, sizes: number[], sep: string) => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) out.push(s.slice(at, (at += n)));
  if (at < s.length) out.push(s.slice(at));
  return out.filter(Boolean).join(sep);
};

interface Item {
  type: PiiType;
  /** As written in the sentence. */
  value: string;
  /** Digits only (or the address), to check nothing of it is left. */
  bare: string;
  /** A non-62 card needs a card word before it. */
  needsContext?: boolean;
}

function idItem(r: Rng): Item {
  const id = residentId(r);
  const written = r.pick([
    () => id,
    () => groups(id, [6, 8, 4], ' '),
    () => groups(id, [6, 8, 4], '-'),
    () => id.toLowerCase(),
  ])();
  return { type: 'id_number', value: written, bare: id };
}

function mobileItem(r: Rng): Item {
  const m = `1${r.pick('3456789'.split(''))}${r.digits(9)}`;
  const spaced = groups(m, [3, 4, 4], ' ');
  const dashed = groups(m, [3, 4, 4], '-');
  const written = r.pick([
    m,
    m,
    spaced,
    dashed,
    `+86${m}`,
    `+86 ${m}`,
    `+86-${m}`,
    `86 ${m}`,
    `(+86)${m}`,
    `（+86）${m}`,
    `+86 ${dashed}`,
    `+86 ${spaced}`,
  ]);
  return { type: 'mobile', value: written, bare: m };
}

function cardItem(r: Rng): Item {
  const unionPay = r.int(2) === 0;
  const length = 16 + r.int(4);
  const prefix = unionPay ? '62' : r.pick(['4', '51', '55', '35', '60']);
  const card = luhnComplete(prefix + r.digits(length - prefix.length - 1));
  const written = r.pick([card, card, groups(card, [4, 4, 4, 4], ' '), groups(card, [4, 4, 4, 4], '-')]);
  return { type: 'bank_card', value: written, bare: card, needsContext: !unionPay };
}

function emailItem(r: Rng): Item {
  const name = r.pick(['zhang', 'wang', 'li', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou']);
  const local = r.pick([
    () => `${name}.${r.pick(['san', 'wei', 'fang', 'min'])}`,
    () => `${name}${r.digits(1 + r.int(4))}`,
    () => `${name}_${r.pick(['office', 'hr', 'xx'])}`,
    () => `${r.digits(6 + r.int(5))}`,
    () => `${name}+${r.pick(['gov', 'work'])}`,
  ])();
  const host = r.pick(['example', 'mail', 'bgs', '163', 'qq', 'corp-it', 'zw']);
  const domain = r.pick([`${host}.com`, `${host}.cn`, `${host}.gov.cn`, `${host}.org`, `mail.${host}.edu.cn`]);
  const email = `${local}@${domain}`;
  return { type: 'email', value: email, bare: email };
}

const TEMPLATES: Record<PiiType | 'unionpay', string[]> = {
  id_number: [
    '申请人张某，身份证号码{}，现住北京市朝阳区。',
    '经核验，居民身份证{}与本人一致',
    "The applicant's ID number is {}.",
    'ID {} was checked on arrival',
  ],
  mobile: ['联系人：李四，手机{}。', '如有疑问请致电{}，工作日受理', 'Mobile: {}.', 'call me on {} tomorrow'],
  bank_card: [
    '请将补贴发放至其银行卡号{}。',
    '开户行：中国农业银行某某支行，账号：{}；',
    'Card number: {}.',
    'Please pay into account {} by Friday',
  ],
  unionpay: ['请转入{}，谢谢。', 'Transfer the refund to {} please.', '收款：{}'],
  email: ['邮箱：{}。', '请将材料发送至{}，抄送办公室', 'Email: {}', 'write to {} for details.'],
};

function sentenceFor(r: Rng, item: Item): string {
  const pool = item.type === 'bank_card' && !item.needsContext ? r.pick(['bank_card', 'unionpay'] as const) : item.type;
  return r.pick(TEMPLATES[pool]).replace('{}', item.value);
}

/** 250 of each type, shuffled into sentences of 1–3 identifiers. */
function corpus(seed: number): { text: string; items: Item[] }[] {
  const r = prng(seed);
  const makers = [idItem, mobileItem, cardItem, emailItem];
  const items = makers.flatMap((make) => Array.from({ length: 250 }, () => make(r)));
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  const sentences: { text: string; items: Item[] }[] = [];
  for (let i = 0; i < items.length;) {
    const batch = items.slice(i, (i += 1 + r.int(3)));
    // Chinese sentences run on without a space; English words never do.
    const text = batch
      .map((it) => sentenceFor(r, it))
      .reduce((a, b) => a + (/[0-9A-Za-z]$/.test(a) && /^[0-9A-Za-z]/.test(b) ? ' ' : r.pick(['', ' ', '\n'])) + b);
    sentences.push({ text, items: batch });
  }
  return sentences;
}

/** The model's answer arrives in random 1–7 character chunks. */
function stream(restorer: StreamRestorer, text: string, r: Rng): string {
  let out = '';
  for (let at = 0; at < text.length;) {
    const chunk = text.slice(at, (at += 1 + r.int(7)));
    out += restorer.push(chunk);
  }
  return out + restorer.end();
}

describe('1,000 generated identifiers', () => {
  const sentences = corpus(20260305);
  const items = sentences.flatMap((s) => s.items);

  test('the generator makes what it claims', () => {
    expect(items).toHaveLength(1000);
    for (const type of ['id_number', 'mobile', 'bank_card', 'email']) {
      expect(items.filter((i) => i.type === type)).toHaveLength(250);
    }
    const ids = items.filter((i) => i.type === 'id_number');
    for (const id of ids) expect(isValidResidentId(id.bare)).toBe(true);
    expect(ids.filter((i) => /x/i.test(i.bare)).length).toBeGreaterThan(10);
    for (const card of items.filter((i) => i.type === 'bank_card')) expect(luhn(card.bare)).toBe(true);
    const written = items.map((i) => i.value).join(' ');
    for (const form of [
      /\d{6} \d{8} \d{3}[\dX]/,
      /\d{6}-\d{8}-/,
      /\+86 1\d\d-\d{4}-/,
      /（\+86）/,
      /\d{4} \d{4} \d{4} \d{4}/,
    ]) {
      expect(written).toMatch(form);
    }
  });

  test('each sentence: exactly its identifiers found, none left, restored exactly', () => {
    const r = prng(7);
    for (const s of sentences) {
      const redactor = new Redactor();
      const { text, entities } = redactor.redact(s.text);
      expect({ sentence: s.text, found: entities.map((e) => [e.type, e.value]).sort() }).toEqual({
        sentence: s.text,
        found: s.items.map((i) => [i.type, i.value]).sort(),
      });
      for (const e of entities) expect(s.text.slice(e.start, e.end)).toBe(e.value);
      const squeezed = text.replace(/[^0-9A-Za-z@.]/g, '').toUpperCase();
      for (const i of s.items) {
        expect(text).not.toContain(i.value);
        expect(squeezed).not.toContain(i.bare.toUpperCase());
      }
      expect(redactor.restore(text)).toBe(s.text);
      expect(stream(redactor.restorer(), text, r)).toBe(s.text);
    }
  });

  test('one request of many texts: one placeholder per value, every text restored, whole or streamed', () => {
    const r = prng(11);
    const redactor = new Redactor();
    const texts = [...sentences.map((s) => s.text), ...sentences.slice(0, 50).map((s) => s.text)];
    const redacted = texts.map((t) => redactor.redact(t).text);
    expect(redactor.entities()).toHaveLength(new Set(items.map((i) => i.value)).size);
    // The repeated texts come back with the very same placeholders.
    expect(redacted.slice(sentences.length)).toEqual(redacted.slice(0, 50));
    const answer = redacted.join('\n');
    expect(redactor.restore(answer)).toBe(texts.join('\n'));
    for (let run = 0; run < 5; run++) expect(stream(redactor.restorer(), answer, r)).toBe(texts.join('\n'));
  });
});
