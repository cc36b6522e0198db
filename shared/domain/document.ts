import { z } from 'zod';
import { ErrorDataSchema } from '../errors';

/** File kinds the store can hold. Parsers for pdf and docx arrive with the document-store work. */
export const DocumentKind = z.enum(['txt', 'md', 'pdf', 'docx']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DocumentId = z.uuid();

/** 密级 marks of GB/T 9704 (绝密/机密/秘密, optionally with ★ and a term). */
export const Classification = z.enum(['绝密', '机密', '秘密']);
export type Classification = z.infer<typeof Classification>;

/** What an official document says about itself; read from the text on import, editable by the user. */
export const DocumentMeta = z.object({
  /** 文号, e.g. 国办发〔2022〕35号 */
  docNumber: z.string().nullable(),
  /** 发文机关 */
  issuer: z.string().nullable(),
  /** 成文日期 as YYYY-MM-DD */
  issuedDate: z.iso.date().nullable(),
  /** 文种 (通知, 请示, 报告 …) */
  docType: z.string().nullable(),
  /** 密级 */
  classification: Classification.nullable(),
  tags: z.array(z.string().min(1).max(40)).max(50),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export const EMPTY_META: DocumentMeta = {
  docNumber: null,
  issuer: null,
  issuedDate: null,
  docType: null,
  classification: null,
  tags: [],
};

export const DocumentSummary = z.object({
  id: DocumentId,
  title: z.string(),
  fileName: z.string(),
  kind: DocumentKind,
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pageCount: z.number().int().nonnegative(),
  passageCount: z.number().int().nonnegative(),
  charCount: z.number().int().nonnegative(),
  importedAt: z.iso.datetime(),
  /** False: a scanned file without text ("OCR needed"). */
  textLayer: z.boolean(),
  meta: DocumentMeta,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/**
 * An addressable piece of a document: a citation or search hit names its id and the
 * reader opens page `page` at paragraph `paragraph`. `start`/`end` are offsets into the
 * document's full text (UTF-16 code units, as JavaScript strings count them).
 */
export const Passage = z.object({
  id: z.string(),
  seq: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Passage = z.infer<typeof Passage>;

export const DocumentDetail = DocumentSummary.extend({
  encoding: z.string().nullable(),
  passages: z.array(Passage),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const FacetValue = z.object({ value: z.string(), count: z.number().int().nonnegative() });
export type FacetValue = z.infer<typeof FacetValue>;
/** What the Library's filters offer: each value present in the store, with its document count. */
export const DocumentFacets = z.object({
  docTypes: z.array(FacetValue),
  issuers: z.array(FacetValue),
  classifications: z.array(FacetValue),
  tags: z.array(FacetValue),
});
export type DocumentFacets = z.infer<typeof DocumentFacets>;

export const DocumentSort = z.enum(['imported_desc', 'imported_asc', 'title_asc']);
export type DocumentSort = z.infer<typeof DocumentSort>;

/** One result per file offered for import: never a thrown error for a single bad file. */
export const ImportOutcome = z.discriminatedUnion('status', [
  z.object({ file: z.string(), status: z.literal('imported'), id: DocumentId, title: z.string() }),
  z.object({ file: z.string(), status: z.literal('duplicate'), id: DocumentId, title: z.string() }),
  z.object({
    file: z.string(),
    status: z.literal('rejected'),
    reason: ErrorDataSchema,
  }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;
