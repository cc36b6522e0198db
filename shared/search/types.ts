import { z } from 'zod';
import { Classification } from '../domain/document';

export const SearchFilters = z
  .object({
    docType: z.string().max(20).optional(),
    issuer: z.string().max(100).optional(),
    /** Inclusive bounds on 成文日期, YYYY-MM-DD. */
    dateFrom: z.iso.date().optional(),
    dateTo: z.iso.date().optional(),
    tag: z.string().max(40).optional(),
    classification: Classification.optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchHit = z.object({
  documentId: z.string(),
  title: z.string(),
  passageId: z.string(),
  page: z.number().int().positive(),
  paragraph: z.number().int().nonnegative(),
  /** A window of the passage text around the best match. */
  snippet: z.string(),
  /** [start, end) ranges in `snippet` to highlight. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** Higher is better (negated bm25). */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export interface SearchQuery {
  query: string;
  limit: number;
  offset?: number;
  filters?: SearchFilters;
}
