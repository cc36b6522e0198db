import { parseDocx } from './docx';
import type { ParseJob, ParsedDocument } from './parsed';
import { parsePdf } from './pdf';
import type { PdfOptions } from './pdf';
import { parseTextDocument } from './text-document';

export interface FileJob extends ParseJob {
  /** PDF only: the pages to parse (see parsePdf). */
  pages?: PdfOptions['pages'];
}

/** Parses one file of a known kind (the worker's whole job; unit tests call it directly). */
export async function parseFile(job: FileJob): Promise<ParsedDocument> {
  switch (job.kind) {
    case 'txt':
    case 'md':
      return parseTextDocument(job.bytes, job.name, job.kind);
    case 'pdf':
      return parsePdf(job.bytes, job.name, { password: job.password, pages: job.pages });
    case 'docx':
      return parseDocx(job.bytes, job.name);
  }
}
