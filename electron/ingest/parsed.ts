import type { DocumentKind, Passage } from '../../shared/domain/document';

/** A file of a known kind to parse (the password only matters for encrypted PDFs). */
export interface ParseJob {
  name: string;
  bytes: Uint8Array;
  kind: DocumentKind;
  password?: string;
}

/** What a parser hands to the store: text split into addressable passages. */
export interface ParsedDocument {
  kind: DocumentKind;
  title: string;
  encoding: string | null;
  pageCount: number;
  /** Pages joined by a form feed (\f) for paged formats; passage offsets point into it. */
  text: string;
  passages: Omit<Passage, 'id'>[];
  /** False for a scanned PDF without text: stored, and marked "OCR needed", never silently empty. */
  textLayer: boolean;
}
