import { z } from 'zod';

/** What the audit log records. Later tools add review and export kinds. */
export const AuditKind = z.enum([
  'model_call',
  'settings_change',
  'policy_loaded',
  'api_key_change',
  // The review gate: what was decided about a draft, and every way content left the app.
  'draft_created',
  'draft_edited',
  'draft_approved',
  'draft_rejected',
  'draft_deleted',
  'content_exported',
]);
export type AuditKind = z.infer<typeof AuditKind>;

export const AuditEntry = z.object({
  seq: z.number().int().min(1),
  /** ISO 8601 UTC */
  at: z.string(),
  /** OS account that acted. */
  actor: z.string(),
  kind: AuditKind,
  /** Kind-specific facts (hashes and counts, never document content). */
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Facts of one model call, as audited (`data` of a model_call entry). */
export const ModelCallAudit = z.object({
  tool: z.string(),
  engine: z.enum(['endpoint', 'offline']),
  endpoint: z.string().nullable(),
  model: z.string().nullable(),
  promptHash: z.string(),
  responseHash: z.string().nullable(),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  durationMs: z.number().int(),
  /** 'ok', 'length' (cut at max_tokens), 'cancelled' or an error code. */
  outcome: z.string(),
  redactions: z.number().int(),
  documentIds: z.array(z.string()),
});
export type ModelCallAudit = z.infer<typeof ModelCallAudit>;

/** `data` of a settings_change entry: one entry per changed key, values as JSON. */
export const SettingsChangeAudit = z.object({
  key: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type SettingsChangeAudit = z.infer<typeof SettingsChangeAudit>;

/**
 * `data` of a policy_loaded entry, written when the machine policy in effect differs from the one
 * last audited: `from` and `to` are SHA-256 hashes of the policy file, or its state when there is
 * no readable file ('absent', 'invalid').
 */
export const PolicyLoadedAudit = z.object({
  path: z.string(),
  state: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  problems: z.number().int(),
});
export type PolicyLoadedAudit = z.infer<typeof PolicyLoadedAudit>;

/** `data` of an api_key_change entry: never the key itself. */
export const ApiKeyChangeAudit = z.object({
  action: z.enum(['stored', 'removed']),
  storage: z.string(),
});
export type ApiKeyChangeAudit = z.infer<typeof ApiKeyChangeAudit>;

export const AuditQuery = z
  .object({
    kind: AuditKind.optional(),
    /** YYYY-MM-DD, inclusive, in UTC */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    /** Substring of the actor or of the data (e.g. an outcome or a model name). */
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditBreak = z.enum([
  /** The entry's content (seq, at, actor, kind or data) no longer gives its hash: it was edited. */
  'hash_mismatch',
  /** The entry does not link to the one before it: an entry was removed, inserted or reordered. */
  'prev_mismatch',
  /** Intact links, but the sequence numbers do not run 1, 2, 3, … */
  'sequence_gap',
  /** The last entry is not the head recorded at the last append: entries at the end were removed or added. */
  'head_mismatch',
]);
export type AuditBreak = z.infer<typeof AuditBreak>;

/** Result of walking the chain from the first entry. `brokenAt` is the first entry that fails. */
export const AuditVerification = z.object({
  ok: z.boolean(),
  /** Entries found intact (all of them when ok; those before the first break otherwise). */
  count: z.number().int(),
  /** Hash of the last entry when ok: IT can note it to detect a rewritten log later. */
  head: z.string().nullable(),
  brokenAt: z.number().int().nullable(),
  reason: AuditBreak.nullable(),
  /** The stored entry at `brokenAt` as it reads now; null when ok or when no entry has that seq. */
  brokenEntry: z.object({ at: z.string(), kind: z.string(), actor: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON (RFC 8785, JCS, for the values Wenshu writes): object keys sorted by UTF-16 code
 * units, recursively; no whitespace; strings and numbers as JSON.stringify writes them. A key whose
 * value is undefined is left out. Anything that is not JSON (NaN, Infinity, bigint, a function,
 * undefined in an array) is refused rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
      const withToJson = value as { toJSON?: () => unknown };
      if (typeof withToJson.toJSON === 'function') return canonicalJson(withToJson.toJSON());
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  }
}

/**
 * What an entry's hash covers (see docs/audit.md):
 *
 *   hash = sha256_hex(prev_hash + "\n" + canonicalJson({ seq, at, actor, kind, data }))
 *
 * sha256_hex is the lowercase hex SHA-256 of the UTF-8 bytes; the first entry's prev_hash is
 * GENESIS_HASH (64 zeros). `dataJson` is the canonical JSON of `data` as stored, so the object is
 * built as text here: keys in sorted order, actor < at < data < kind < seq.
 */
export function hashInput(
  prevHash: string,
  entry: { seq: number; at: string; actor: string; kind: string; dataJson: string },
): string {
  return (
    `${prevHash}\n{"actor":${JSON.stringify(entry.actor)},"at":${JSON.stringify(entry.at)},` +
    `"data":${entry.dataJson},"kind":${JSON.stringify(entry.kind)},"seq":${JSON.stringify(entry.seq)}}`
  );
}
