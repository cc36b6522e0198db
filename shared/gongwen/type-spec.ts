import { z } from 'zod';

/**
 * A document type as data (not code): its fields, direction, structure, closing formula and the
 * lint rules that apply. The 15 types of the 2012 Regulations plus 便函 ship built in
 * (shared/gongwen/types/); a region adds or overrides types with a template pack.
 */
const Text2 = z.object({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500) }).strict();

/** A line pattern with {placeholders} naming fields ({name} is the 文种). */
const Pattern = z.string().min(1).max(100);

/** Well-known field keys the layout and the linter understand; packs may add their own. */
export const FIELD_KEYS = [
  'issuer', // 发文机关
  'docNumber', // 发文字号
  'recipients', // 主送机关
  'subject', // 事由 (goes into the title)
  'points', // 正文要点
  'attachments', // 附件 (one per line)
  'signer', // 签发人 (上行文)
  'contact', // 联系人及电话 (请示)
  'cc', // 抄送机关
  'classification', // 密级和保密期限
  'urgency', // 紧急程度
  'date', // 成文日期
  'printer', // 印发机关
] as const;

export const FieldSpec = z
  .object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
    label: Text2,
    kind: z.enum(['text', 'multiline', 'organs', 'date', 'docNumber', 'list', 'choice']),
    required: z.boolean().default(false),
    options: z.array(z.string().min(1).max(100)).max(50).optional(),
    hint: Text2.optional(),
  })
  .strict();
export type FieldSpec = z.infer<typeof FieldSpec>;

/** Structure elements the offline draft, the layout and the linter know (besides field keys and patterns). */
export const STRUCTURE_ELEMENTS = [
  'classification', // 密级和保密期限
  'urgency', // 紧急程度
  'docNumber', // 发文字号
  'signer', // 签发人：…
  'title',
  'recipients', // 主送机关：
  'body', // opening, 正文要点 one paragraph each, the closing formula
  'attachments', // 附件说明 附件：1.…
  'signature', // 发文机关署名 (the issuer)
  'date', // 成文日期
  'note', // 附注 （联系人：…）
  'cc', // 抄送：…。
  'printer', // 印发机关 + 印发日期
] as const;

/** The {placeholders} of a pattern. */
export function placeholders(pattern: string): string[] {
  return [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
}

export const DocTypeObject = z
  .object({
    /** Stable id, e.g. 'qingshi'; a pack type with the same id overrides the built-in one. */
    id: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
    /** 文种 as printed in titles: 请示, 通知 … (便函 for a memo). */
    name: z.string().min(1).max(20),
    nameEn: z.string().min(1).max(60),
    /** 上行 (to a superior), 平行, 下行, or any. 上行文 need 签发人. */
    direction: z.enum(['up', 'parallel', 'down', 'any']),
    fields: z.array(FieldSpec).min(1).max(40),
    /**
     * Title patterns, the first whose placeholders are all filled wins. Placeholders: {name} (the
     * 文种), {issuer}, {subject} and any field key. Left out: 发文机关 + 关于 + 事由 + 的 + 文种, then
     * 关于 + 事由 + 的 + 文种, then 发文机关 + 文种.
     */
    title: z.array(Pattern).min(1).max(6).optional(),
    /** Opening paragraph patterns for the body (批复: 你单位《{replyTo}》…收悉。), first fully filled wins. */
    opening: z.array(Pattern).max(6).optional(),
    /**
     * Element order in the plain-text convention (one element per line): title, recipients, body,
     * attachments, signature, date, note, cc, printer, classification, urgency, docNumber, signer;
     * a field key (a line 「label：value」); or a pattern with {placeholders} (e.g. （{adoption}）).
     */
    structure: z.array(z.string().min(1).max(40)).min(1),
    /** Closing formulas, the usual one first (妥否，请批示。/ 特此报告。/ 此复。…); may be empty. */
    closings: z.array(z.string().min(1).max(40)).max(10).default([]),
    /** Lint rule ids that apply (see shared/lint). */
    rules: z.array(z.string().min(1).max(20)).default([]),
    /** What the body must do, told to the model and shown to the clerk. */
    guidance: Text2,
  })
  .strict();

/** What JSON Schema cannot say: unique field keys, and patterns and elements that name known fields. */
function typeChecks(ctx: z.core.ParsePayload<z.output<typeof DocTypeObject>>): void {
  if (ctx.issues.length > 0) return;
  const t = ctx.value;
  const problem = (path: (string | number)[], message: string) =>
    ctx.issues.push({ code: 'custom', path, message, input: t });
  const keys = new Set<string>();
  t.fields.forEach((f, i) => {
    if (keys.has(f.key)) problem(['fields', i, 'key'], `duplicate field key "${f.key}"`);
    keys.add(f.key);
  });
  const checkPattern = (path: (string | number)[], pattern: string) => {
    for (const name of placeholders(pattern)) {
      if (name !== 'name' && !keys.has(name)) problem(path, `unknown placeholder {${name}}: not a field of this type`);
    }
  };
  t.title?.forEach((p, i) => checkPattern(['title', i], p));
  t.opening?.forEach((p, i) => checkPattern(['opening', i], p));
  const known = new Set<string>(STRUCTURE_ELEMENTS);
  t.structure.forEach((e, i) => {
    if (e.includes('{')) checkPattern(['structure', i], e);
    else if (!known.has(e) && !keys.has(e))
      problem(['structure', i], `unknown element "${e}": not a known element or a field key`);
  });
}

export const DocTypeSpec = DocTypeObject.check(typeChecks);
export type DocTypeSpec = z.infer<typeof DocTypeSpec>;
export type DocTypeSpecInput = z.input<typeof DocTypeSpec>;

/** A region's template pack: built once, imported by every office (Settings or policy). */
export const TemplatePack = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    name: z.string().min(1).max(100).describe('shown in Settings, e.g. 某省公文模板包'),
    publisher: z.string().min(1).max(200).describe('who maintains the pack, e.g. 某省人民政府办公厅'),
    types: z
      .array(DocTypeSpec)
      .min(1)
      .max(100)
      .describe('a type with the id of a built-in one (qingshi, tongzhi …) replaces it; others are added'),
  })
  .strict()
  .check((ctx) => {
    if (ctx.issues.length > 0) return;
    const seen = new Set<string>();
    ctx.value.types.forEach((t, i) => {
      if (seen.has(t.id))
        ctx.issues.push({
          code: 'custom',
          path: ['types', i, 'id'],
          message: `duplicate type id "${t.id}"`,
          input: ctx.value,
        });
      seen.add(t.id);
    });
  })
  .describe(
    'Document types a region adds to Wenshu or overrides (by id) — fields, structure, closing formulas, lint rules. See docs/template-packs.md.',
  );
export type TemplatePack = z.infer<typeof TemplatePack>;
export type TemplatePackInput = z.input<typeof TemplatePack>;
