import type { DocumentKind } from '../../shared/domain/document';
import type { AppErrorData } from '../../shared/errors';
import type { ParsedDocument } from './parsed';
import type { PageRange } from './pdf';

/** Pool → worker: parse one file, or one page range of a PDF. A worker runs one task at a time. */
export interface TaskMessage {
  type: 'task';
  name: string;
  kind: DocumentKind;
  password?: string;
  /** A view of a SharedArrayBuffer: every range of a file reads the same bytes, none copied. */
  bytes: Uint8Array;
  pages?: PageRange;
  /**
   * PDF only: report the page count and wait for the range to parse (a RangeMessage); the pool
   * splits the file across the workers free at that moment and hands out the other ranges.
   */
  askRange?: boolean;
}

/** Pool → worker: the pages to parse, in answer to a `pageCount` reply. */
export interface RangeMessage {
  type: 'range';
  pages: PageRange;
}

export type PoolMessage = TaskMessage | RangeMessage;

/** Worker → pool. */
export type WorkerReply =
  | { type: 'pageCount'; pageCount: number }
  | { type: 'done'; result: ParsedDocument }
  | { type: 'failed'; error: AppErrorData };
