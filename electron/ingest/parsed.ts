import type { DocumentKind, Passage } from '../../shared/domain/document';

/** What a parser hands to the store: text split into addressable passages. */
export interface ParsedDocument {
  kind: DocumentKind;
  title: string;
  encoding: string | null;
  pageCount: number;
  text: string;
  passages: Omit<Passage, 'id'>[];
}
