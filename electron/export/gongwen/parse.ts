import { cleanText } from '../model';

/**
 * An official document (公文) read from a draft: the plain-text convention of the drafting tool
 * (one element per line) plus the structured fields the 版头 and 版记 come from. Layout-free; the
 * GB/T 9704 builder (build.ts) lays it out.
 *
 * Text convention: 标题 = the first non-empty line; 主送机关 = a line ending in ： before the body;
 * body paragraphs start with two ideographic spaces (headings 一、 （一） 1. （1）); 附件说明 =
 * `附件：…` with continuation lines `2.…`; 发文机关署名 = the line before the 成文日期 (a date
 * line `2026年5月8日`) after the body; 附注 = a line in （ ） after the date. A `抄送：` line in the
 * text is taken as the 抄送 when the fields have none.
 */
export interface Gongwen {
  /** 份号 (6 digits), 密级和保密期限, 紧急程度: the top-left lines of the 版头. */
  copyNumber: string | null;
  classification: string | null;
  urgency: string | null;
  /** 发文机关标志 (the issuer; 文件 appended for a 文件-format document if the field has it). */
  issuerMark: string | null;
  docNumber: string | null;
  /** 签发人: names (上行文); non-empty makes the 文号 line the 上行文 form. */
  signers: string[];
  title: string;
  /** 文种 (typeName field, else the title's last words). */
  typeName: string | null;
  recipients: string | null;
  body: BodyParagraph[];
  attachments: string[];
  signature: string | null;
  date: string | null;
  notes: string[];
  cc: string | null;
  printer: string | null;
  printDate: string | null;
}

export interface BodyParagraph {
  /** The text without its leading indentation. */
  text: string;
  /** 0 = plain paragraph; 1 一、 (黑体), 2 （一） (楷体), 3 1. and 4 （1） (仿宋). */
  level: 0 | 1 | 2 | 3 | 4;
  /** For a heading followed by text in the same paragraph: the length of the heading part. */
  headingLength: number;
}

/** The keys of shared/gongwen/type-spec.ts FIELD_KEYS (and typeName) that mark a drafted 公文. */
export const GONGWEN_FIELD_KEYS = [
  'typeName',
  'issuer',
  'docNumber',
  'recipients',
  'signer',
  'cc',
  'classification',
  'urgency',
  'date',
  'printer',
] as const;

/** True when a document draft carries the official-document fields of the drafting tool. */
export function hasGongwenFields(fields: Record<string, string>): boolean {
  return GONGWEN_FIELD_KEYS.some((k) => typeof fields[k] === 'string' && fields[k]!.trim() !== '');
}

const trim = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
const oneLine = (s: string | undefined) => {
  const v = trim(cleanText(s ?? '').replace(/\s*\n\s*/g, ' '));
  return v === '' ? null : v;
};

const DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const CN = '[一二三四五六七八九十百零〇]+';
const HEADINGS: [BodyParagraph['level'], RegExp][] = [
  [1, new RegExp(`^${CN}、`)],
  [2, new RegExp(`^[（(]${CN}[）)]`)],
  [3, /^\d+[.．](?!\d)/],
  [4, /^[（(]\d+[）)]/],
];

/** Level and heading part of a body paragraph (a heading ends at its first 。 when text follows). */
export function classifyBody(text: string): BodyParagraph {
  for (const [level, re] of HEADINGS) {
    if (!re.test(text)) continue;
    const stop = text.search(/[。！？]/);
    const headingLength = stop >= 0 && stop < text.length - 1 ? stop + 1 : text.length;
    return { text, level, headingLength };
  }
  return { text, level: 0, headingLength: 0 };
}

const ATTACHMENT = /^附\s*件\s*[：:]\s*/;
const ATTACHMENT_NEXT = /^\d+[.．]/;
const NOTE = /^[（(].*[）)]$/;
const CC = /^抄\s*送\s*[：:]\s*/;

const HEADER_LINE = [
  /^\d{6}$/, // 份号
  /^(?:绝密|机密|秘密)(?:[★☆].*)?$/, // 密级和保密期限
  /^(?:特提|特急|加急|平急)$/, // 紧急程度
  /^\S+〔\d{4}〕\d+号(?:\s+签发人[：:].*)?$/, // 发文字号 (with 签发人 on the same line for 上行文)
  /^签发人[：:]/,
];

function isHeaderLine(line: string, fields: Record<string, string>): boolean {
  const known = ['copyNumber', 'classification', 'urgency', 'docNumber'].map((k) => fields[k]?.trim()).filter(Boolean);
  return known.includes(line) || HEADER_LINE.some((re) => re.test(line));
}

export function parseGongwen(text: string, fields: Record<string, string>, fallbackTitle: string): Gongwen {
  const lines = cleanText(text)
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .filter((l) => trim(l) !== '');

  // 版头 elements (份号, 密级, 紧急程度, 发文字号, 签发人) live in the fields and are laid out from
  // there; a draft that also writes them above its title (the offline template does, a model may)
  // must not have them taken for the title.
  let i = 0;
  while (i < lines.length && isHeaderLine(trim(lines[i]!), fields)) i += 1;
  let title = oneLine(fallbackTitle) ?? '';
  const first = lines[i];
  if (first !== undefined && !/^[\u3000 ]/.test(first) && !/[：:]$/.test(trim(first))) {
    title = trim(first);
    i += 1;
  }

  let recipients = oneLine(fields.recipients);
  const firstBody = lines[i];
  if (firstBody !== undefined && !/^[\u3000 ]/.test(firstBody) && /[：:]$/.test(trim(firstBody))) {
    recipients = trim(firstBody);
    i += 1;
  }

  // The tail (署名, 日期, 附注, 抄送) is read from the end, the body is what lies between.
  let end = lines.length;
  let textCc: string | null = null;
  const notes: string[] = [];
  let date: string | null = null;
  let signature: string | null = null;
  const tailOf = (k: number) => trim(lines[k] ?? '');
  if (end > i && CC.test(tailOf(end - 1))) {
    textCc = tailOf(end - 1).replace(CC, '');
    end -= 1;
  }
  const dateAt = (() => {
    for (let k = end - 1; k >= i && k >= end - 4; k--) if (DATE.test(tailOf(k))) return k;
    return -1;
  })();
  if (dateAt >= 0) {
    for (let k = dateAt + 1; k < end; k++) notes.push(tailOf(k));
    if (notes.every((n) => NOTE.test(n))) {
      date = tailOf(dateAt).replace(/\s+/g, '');
      end = dateAt;
      const before = lines[end - 1];
      if (end - 1 >= i && before !== undefined && !/^[\u3000 ]/.test(before) && !ATTACHMENT.test(trim(before))) {
        const sig = trim(before);
        if (!ATTACHMENT_NEXT.test(sig) && sig.length <= 40) {
          signature = sig;
          end -= 1;
        }
      }
    } else notes.length = 0;
  }

  const body: BodyParagraph[] = [];
  const attachments: string[] = [];
  for (let k = i; k < end; k++) {
    const raw = lines[k]!;
    const t = trim(raw);
    if (ATTACHMENT.test(t)) {
      attachments.push(t.replace(ATTACHMENT, ''));
      continue;
    }
    if (attachments.length && ATTACHMENT_NEXT.test(t) && !/^[\u3000 ]/.test(raw)) {
      attachments.push(t);
      continue;
    }
    body.push(classifyBody(t));
  }

  const typeName = oneLine(fields.typeName) ?? /(?:的)?([^的]{1,4})$/.exec(title)?.[1] ?? null;
  const signers = (oneLine(fields.signer) ?? '')
    .split(/[、，,\s]+/)
    .map(trim)
    .filter(Boolean);
  const issuer = oneLine(fields.issuer);
  return {
    copyNumber: oneLine(fields.copyNumber ?? fields.copyNo),
    classification: oneLine(fields.classification),
    urgency: oneLine(fields.urgency),
    issuerMark: oneLine(fields.issuerMark) ?? issuer,
    docNumber: oneLine(fields.docNumber),
    signers,
    title,
    typeName,
    recipients,
    body,
    attachments,
    signature,
    date,
    notes,
    cc: oneLine(fields.cc)?.replace(CC, '') ?? textCc,
    printer: oneLine(fields.printer),
    printDate: oneLine(fields.printDate) ?? date ?? oneLine(fields.date),
  };
}
