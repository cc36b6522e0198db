/**
 * The offline "generate": with no endpoint, a typed draft is the type's structure filled from the
 * fields, in the plain-text convention — one element per line, body paragraphs indented with two
 * ideographic spaces (U+3000 U+3000). Nothing is invented: a required field left empty shows as 【label】 for
 * the clerk to fill, an optional one leaves its element out. The caller records the version as
 * engine 'offline' (a template draft, not model output).
 */
import { parseChineseDate } from './dates';
import { fillPattern, titleFor } from './type-registry';
import type { DocTypeSpec, FieldSpec } from './type-spec';

/** Two ideographic spaces: the first-line indent of a body paragraph (and 附件说明, 附注). */
export const INDENT = '\u3000\u3000';
/** Three more: later 附件 names line up under the first one's number (附件： is three characters). */
const ALIGN = '\u3000\u3000\u3000';

export interface OfflineDraft {
  text: string;
  /** The fields as used: trimmed, with 成文日期 in Arabic numerals (today when not given). */
  fields: Record<string, string>;
  /** Always true: a template draft filled from fields, to be marked so in the review queue. */
  template: true;
}

/** 2026年5月8日 — GB/T 9704: Arabic numerals, full year, no leading zeros. */
export function formatDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 成文日期 as given (2026-05-08, 2026年05月08日, 二〇二六年五月八日 …) in the GB/T 9704 form; unparseable text is kept. */
export function normalizeDate(text: string): string {
  const t = text.trim();
  const iso = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(t);
  const parsed = iso ? `${iso[1]}-${iso[2]?.padStart(2, '0')}-${iso[3]?.padStart(2, '0')}` : parseChineseDate(t);
  const m = parsed ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(parsed) : null;
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : t;
}

const END_PUNCTUATION = /[\s。，、；：！？,.;:!?]+$/u;

/** Items of a list or organs field: one a line (organs also split on ，、;). */
function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function organs(value: string | undefined): string {
  return lines(value)
    .map((l) => l.replace(END_PUNCTUATION, ''))
    .join('，');
}

/** 附件 names without their numbering (1. 1、 （1）) or trailing punctuation (F6). */
function attachmentName(line: string): string {
  return line
    .replace(/^(?:\d+[.．、]|[（(]\d+[）)])\s*/u, '')
    .replace(END_PUNCTUATION, '')
    .trim();
}

/** 附件：名称, or 附件：1.名称 with the next names aligned under the first. */
export function attachmentLines(value: string | undefined): string[] {
  const names = lines(value).map(attachmentName).filter(Boolean);
  if (names.length === 1) return [`${INDENT}附件：${names[0]}`];
  return names.map((n, i) => (i === 0 ? `${INDENT}附件：1.${n}` : `${INDENT}${ALIGN}${i + 1}.${n}`));
}

/** A body paragraph: the indent, whatever indent the clerk typed removed. */
function paragraph(line: string): string {
  return INDENT + line.replace(/^[\s\u3000]+/u, '');
}

/** The 正文: the opening (批复 …), the 正文要点 one paragraph each, then the type's first closing. */
function bodyLines(type: DocTypeSpec, get: (key: string) => string | undefined, placeholder: string): string[] {
  const out: string[] = [];
  for (const pattern of type.opening ?? []) {
    const opening = fillPattern(pattern, get);
    if (opening !== null) {
      out.push(paragraph(opening));
      break;
    }
  }
  const points = lines(get('points'));
  if (points.length === 0) out.push(paragraph(placeholder));
  out.push(...points.map(paragraph));
  const closing = type.closings[0];
  const last = points.at(-1) ?? '';
  if (closing && !type.closings.some((c) => last.endsWith(c))) out.push(paragraph(closing));
  return out;
}

/** 附注: （联系人：张三，电话：…）. */
function noteLine(contact: string): string {
  const inner = contact.replace(/^[（(]|[）)]$/gu, '').replace(END_PUNCTUATION, '');
  return `${INDENT}（${/^联系人/u.test(inner) ? inner : `联系人：${inner}`}）`;
}

/**
 * The type's structure filled from the fields. Elements: the known ones (title, recipients, body,
 * attachments, signature, date, note, cc, printer, classification, urgency, docNumber, signer),
 * a field key (a line 「label：value」) or a pattern with {placeholders} (left out unless filled).
 */
export function offlineDraft(type: DocTypeSpec, fields: Record<string, string>, today: Date): OfflineDraft {
  const used: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v.trim()) used[k] = v.trim();
  used.date = used.date ? normalizeDate(used.date) : formatDate(today);

  const spec = new Map<string, FieldSpec>(type.fields.map((f) => [f.key, f]));
  const get = (key: string): string | undefined => (key === 'name' ? type.name : used[key]);
  /** 【label】 for a required field left empty, so the clerk sees what is missing. */
  const missing = (key: string): string | null => {
    const f = spec.get(key);
    return f?.required ? `【${f.label.zh}】` : null;
  };
  const valueOrMark = (key: string): string | null => get(key) ?? missing(key);

  const out: string[] = [];
  const push = (...l: (string | null | undefined)[]) => {
    for (const x of l) if (x) out.push(x);
  };

  for (const element of type.structure) {
    switch (element) {
      case 'title': {
        // A required field of the title left empty shows as its mark: 某局关于【事由】的请示.
        const marks = Object.fromEntries(
          type.fields.flatMap((f) => (f.required ? [[f.key, `【${f.label.zh}】`]] : [])),
        );
        push(titleFor(type, { ...marks, ...used }));
        break;
      }
      case 'recipients': {
        const r = used.recipients ? organs(used.recipients) : missing('recipients');
        if (r) push(`${r}：`);
        break;
      }
      case 'body':
        push(...bodyLines(type, get, missing('points') ?? `【${spec.get('points')?.label.zh ?? '正文'}】`));
        break;
      case 'attachments':
        push(...attachmentLines(used.attachments));
        break;
      case 'signature':
        push(valueOrMark('issuer'));
        break;
      case 'date':
        push(used.date);
        break;
      case 'note': {
        const c = valueOrMark('contact');
        if (c) push(noteLine(c));
        break;
      }
      case 'cc':
        if (used.cc) push(`抄送：${organs(used.cc)}。`);
        break;
      case 'printer':
        if (used.printer) push(`${used.printer}${INDENT}${used.date}印发`);
        break;
      case 'signer': {
        const s = valueOrMark('signer');
        if (s) push(`签发人：${s}`);
        break;
      }
      case 'classification':
      case 'urgency':
      case 'docNumber':
        push(used[element]);
        break;
      default:
        if (element.includes('{')) {
          push(fillPattern(element, get) ?? fillPattern(element, (k) => get(k) ?? missing(k) ?? undefined));
        } else {
          const v = valueOrMark(element);
          const label = spec.get(element)?.label.zh;
          if (v && label) push(`${INDENT}${label}：${oneLineValue(v)}`);
        }
    }
  }
  return { text: out.join('\n'), fields: used, template: true };
}

function oneLineValue(v: string): string {
  return lines(v).join('、');
}
