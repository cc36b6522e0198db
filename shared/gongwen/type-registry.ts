/**
 * Document types at run time: the built-in ones with the template packs laid over them, pack
 * validation with one problem per path, and titles from fields.
 */
import type { z } from 'zod';
import { formatIssuePath, issueProblems } from '../zod-problems';
import { TemplatePack } from './type-spec';
import type { DocTypeSpec } from './type-spec';

/** Pack types override built-in ones by id (keeping their place) and new ones come after; later packs win. */
export function mergeTypes(builtin: readonly DocTypeSpec[], packs: readonly TemplatePack[]): DocTypeSpec[] {
  const byId = new Map<string, DocTypeSpec>();
  for (const t of builtin) byId.set(t.id, t);
  for (const pack of packs) for (const t of pack.types) byId.set(t.id, t);
  return [...byId.values()];
}

export interface PackProblem {
  /** JSON path as written in messages: `types[0].fields[2].key`; `(pack)` for the whole file. */
  path: string;
  message: string;
}

export type ParsedPack = { ok: true; pack: TemplatePack } | { ok: false; problems: PackProblem[] };

const ROOT = '(pack)';

/** `types[0].fields[2].key`, `types[1]["odd key"]`. */
export const formatPath = (path: readonly PropertyKey[]): string => formatIssuePath(path, ROOT);

const toProblems = (issue: z.core.$ZodIssue): PackProblem[] => issueProblems(issue, ROOT);

/** A template pack from parsed JSON (or its text): the pack, or every problem with its path. */
export function parseTemplatePack(json: unknown): ParsedPack {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json) as unknown;
    } catch (err) {
      return { ok: false, problems: [{ path: ROOT, message: `not JSON: ${(err as Error).message}` }] };
    }
  }
  const parsed = TemplatePack.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, pack: parsed.data };
  const seen = new Set<string>();
  const problems = parsed.error.issues.flatMap(toProblems).filter((p) => !seen.has(p.path) && seen.add(p.path));
  return { ok: false, problems };
}

/** Title patterns when a type names none (条例 第九条: 发文机关名称 + 事由 + 文种). */
export const DEFAULT_TITLE = ['{issuer}关于{subject}的{name}', '关于{subject}的{name}', '{issuer}{name}'] as const;

const OPENERS = '《（(“"「';
const CLOSERS = '》）)”"」';
const END_PUNCTUATION = /[\s。，、；：！？,.;:!?…—-]+$/u;

/** A field value on one line, trimmed. */
function oneLine(value: string | undefined): string {
  return (value ?? '').replace(/\s*\n\s*/g, '').trim();
}

/**
 * Fills a pattern's {placeholders}, or null when one is empty. A value does not repeat the text
 * around it: 关于 + 关于做好… → 关于做好…; 《 + 《关于…》 → 《关于…; …会议纪要 + 纪要 → …会议纪要.
 */
export function fillPattern(pattern: string, value: (key: string) => string | undefined): string | null {
  const parts = pattern.split(/(\{[^{}]*\})/);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 0) {
      out += part;
      continue;
    }
    let v = oneLine(value(part.slice(1, -1)));
    if (!v) return null;
    const before = parts[i - 1] ?? '';
    const after = parts[i + 1] ?? '';
    if (before && v.startsWith(before) && v.length > before.length) v = v.slice(before.length);
    else if (before && OPENERS.includes(before.slice(-1)) && v.startsWith(before.slice(-1))) v = v.slice(1);
    if (after && v.endsWith(after) && v.length > after.length) v = v.slice(0, -after.length);
    else if (after && CLOSERS.includes(after[0] ?? '') && v.endsWith(after[0] ?? '')) v = v.slice(0, -1);
    out += v;
  }
  return out;
}

/** The title patterns of a type, in order of preference. */
export function titlePatterns(type: DocTypeSpec): readonly string[] {
  return type.title ?? DEFAULT_TITLE;
}

/**
 * The title from the fields: the type's first title pattern whose placeholders are all filled
 * (default 发文机关 + 关于 + 事由 + 的 + 文种), 关于 not doubled, no trailing punctuation; the
 * 文种 alone when nothing fits.
 */
export function titleFor(type: DocTypeSpec, fields: Record<string, string>): string {
  const value = (key: string): string | undefined => {
    if (key === 'name') return type.name;
    const v = fields[key];
    // 事由 never carries the end of a title: 做好…工作的通知 / 做好…工作。 → 做好…工作
    if (key === 'subject' && v !== undefined) return stripTitleEnd(oneLine(v), type.name);
    return v;
  };
  for (const pattern of titlePatterns(type)) {
    const title = fillPattern(pattern, value);
    if (title !== null) return title.replace(END_PUNCTUATION, '');
  }
  return type.name;
}

function stripTitleEnd(subject: string, name: string): string {
  let s = subject.replace(END_PUNCTUATION, '');
  if (s.endsWith(`的${name}`)) s = s.slice(0, -(name.length + 1));
  return s;
}
