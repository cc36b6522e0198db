import { z } from 'zod';
import {
  DocumentDetail,
  DocumentFacets,
  DocumentId,
  DocumentMeta,
  DocumentSort,
  DocumentSummary,
  ImportOutcome,
} from '../domain/document';
import { SearchFilters, SearchHit } from '../search/types';

/** Files travel as bytes, never as paths: the renderer cannot name files for main to read. */
export const ImportFile = z.object({
  name: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
  /** For an encrypted PDF, after the user was asked. */
  password: z.string().max(1024).optional(),
});

const BatchId = z.string().min(1).max(64);

export const documentCalls = {
  'documents:list': {
    input: z
      .object({
        sort: DocumentSort.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).optional(),
        filters: SearchFilters.optional(),
      })
      .strict(),
    output: z.array(DocumentSummary),
  },
  'documents:facets': {
    input: z.object({}).strict(),
    output: DocumentFacets,
  },
  'documents:get': {
    input: z.object({ id: DocumentId }).strict(),
    output: DocumentDetail,
  },
  'documents:import': {
    input: z.object({ batchId: BatchId, files: z.array(ImportFile).min(1).max(500) }).strict(),
    output: z.array(ImportOutcome),
  },
  /** Stops a running import: files not yet stored are reported as cancelled. */
  'documents:cancelImport': {
    input: z.object({ batchId: BatchId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'documents:updateMeta': {
    input: z.object({ id: DocumentId, meta: DocumentMeta }).strict(),
    output: DocumentSummary,
  },
  'documents:search': {
    input: z
      .object({
        query: z.string().max(500),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).optional(),
        filters: SearchFilters.optional(),
      })
      .strict(),
    output: z.array(SearchHit),
  },
} as const;

export const documentEvents = {
  /** Something in the store changed: lists should reload. */
  'documents:changed': z.object({ ids: z.array(DocumentId) }),
  /** Progress of an import batch, after each file. */
  'import:progress': z.object({
    batchId: BatchId,
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    file: z.string(),
    status: z.enum(['imported', 'duplicate', 'rejected']),
  }),
} as const;
