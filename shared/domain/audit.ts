import { z } from 'zod';

/** What the audit log records. Later tools add review and export kinds. */
export const AuditKind = z.enum(['model_call', 'settings_change', 'policy_loaded', 'api_key_change']);
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

/** Result of walking the chain from the first entry. `brokenAt` is the first entry that fails. */
export const AuditVerification = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  /** Hash of the last entry: IT can note it to detect a rewritten log later. */
  head: z.string().nullable(),
  brokenAt: z.number().int().nullable(),
  reason: z.enum(['hash_mismatch', 'prev_mismatch', 'sequence_gap', 'head_mismatch']).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
