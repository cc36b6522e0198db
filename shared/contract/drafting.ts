import { z } from 'zod';
import { DocumentId } from '../domain/document';
import { DraftDetail, DraftId } from '../domain/draft';
import { DocTypeSpec } from '../gongwen/type-spec';

const RequestId = z.string().min(1).max(64);
const Fields = z.record(z.string().max(40), z.string().max(20_000));

export const PackSummary = z.object({
  id: z.string(),
  name: z.string(),
  publisher: z.string(),
  types: z.array(z.string()),
  /** Placed by the machine policy (not removable) or imported by the user. */
  source: z.enum(['policy', 'user']),
  importedAt: z.string().nullable(),
});
export type PackSummary = z.infer<typeof PackSummary>;

export const draftingCalls = {
  /** Template packs in use: the policy's and the user's. */
  'drafting:packs': { input: z.object({}).strict(), output: z.array(PackSummary) },
  /** A pack file chosen in Settings (bytes, never a path); validated against the template-pack schema. */
  'drafting:importPack': {
    input: z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) }).strict(),
    output: z.array(PackSummary),
  },
  'drafting:removePack': { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.array(PackSummary) },
  /** Built-in types with the imported template packs laid over them. */
  'drafting:types': { input: z.object({}).strict(), output: z.array(DocTypeSpec) },
  /** A typed draft: fields → streamed text (`model:delta` with requestId) → a draft awaiting review. */
  'drafting:generate': {
    input: z
      .object({
        requestId: RequestId,
        typeId: z.string().min(1).max(40),
        fields: Fields,
        documentIds: z.array(DocumentId).max(20).default([]),
      })
      .strict(),
    output: DraftDetail,
  },
  /** Generate a typed draft again from the fields it was made from: a new AI version of the same draft. */
  'drafting:regenerate': {
    input: z.object({ requestId: RequestId, id: DraftId, baseVersion: z.number().int().min(1) }).strict(),
    output: DraftDetail,
  },
  /** Revise the whole text or a selection by instruction (更简洁, 更正式, 补充 …): a new AI version. */
  'drafting:revise': {
    input: z
      .object({
        requestId: RequestId,
        id: DraftId,
        baseVersion: z.number().int().min(1),
        instruction: z.string().min(1).max(2000),
        selection: z
          .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
          .strict()
          .optional(),
      })
      .strict(),
    output: DraftDetail,
  },
} as const;
