import { z } from 'zod';
import { DocumentDetail, DocumentId, DocumentSort, DocumentSummary, ImportOutcome } from '../domain/document';

/** Files travel as bytes, never as paths: the renderer cannot name files for main to read. */
export const ImportFile = z.object({
  name: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
});

export const documentCalls = {
  'documents:list': {
    input: z
      .object({
        sort: DocumentSort.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.array(DocumentSummary),
  },
  'documents:get': {
    input: z.object({ id: DocumentId }).strict(),
    output: DocumentDetail,
  },
  'documents:import': {
    input: z.object({ files: z.array(ImportFile).min(1).max(500) }).strict(),
    output: z.array(ImportOutcome),
  },
} as const;

export const documentEvents = {
  /** Something in the store changed: lists should reload. */
  'documents:changed': z.object({ ids: z.array(DocumentId) }),
  /** Per-file progress of an import batch. */
  'import:progress': z.object({
    batchId: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    file: z.string(),
  }),
} as const;
