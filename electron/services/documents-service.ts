import { createHash, randomUUID } from 'node:crypto';
import { EMPTY_META } from '../../shared/domain/document';
import type { DocumentDetail, DocumentSort, DocumentSummary, ImportOutcome } from '../../shared/domain/document';
import { AppError, toErrorData } from '../../shared/errors';
import { detectKind } from '../ingest/detect';
import type { ParsedDocument } from '../ingest/parsed';
import { parseTextDocument } from '../ingest/text-document';
import type { DocumentsRepo, StoredDocument } from '../store/documents-repo';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

export interface DocumentsServiceOptions {
  /** Larger files are refused before parsing (policy can lower it later). */
  maxImportBytes: number;
  now?: () => Date;
  /** A parser or store bug for one file: reported here, and that file is rejected as `internal`. */
  onInternalError?: (file: string, err: unknown) => void;
}

export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const summary = ({ encoding: _encoding, ...doc }: StoredDocument): DocumentSummary => doc;

export class DocumentsService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: DocumentsRepo,
    private readonly options: DocumentsServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  list(sort: DocumentSort = 'imported_desc', limit = 200, offset = 0): DocumentSummary[] {
    return this.repo.list(sort, limit, offset).map(summary);
  }

  get(id: string): DocumentDetail {
    const doc = this.repo.get(id);
    if (!doc) throw new AppError('not_found', `no document ${id}`, { id });
    return { ...doc, passages: this.repo.passages(id) };
  }

  /** Full id from a unique prefix of at least 4 characters (as people type them in a terminal). */
  resolveId(prefix: string): string {
    const p = prefix.trim().toLowerCase();
    if (p.length < 4) throw new AppError('not_found', `no document ${prefix}`, { id: prefix });
    const ids = this.repo.idsWithPrefix(p, 2);
    if (ids.length === 0) throw new AppError('not_found', `no document ${prefix}`, { id: prefix });
    if (ids.length > 1) throw new AppError('ambiguous_id', `${prefix} matches several documents`, { id: prefix });
    return ids[0]!;
  }

  /** Imports each file on its own: one bad file never stops or undoes the others. */
  importFiles(files: IncomingFile[], onProgress?: (p: ImportProgress) => void): ImportOutcome[] {
    return files.map((file, i) => {
      const outcome = this.importOne(file);
      onProgress?.({ done: i + 1, total: files.length, file: file.name });
      return outcome;
    });
  }

  private importOne(file: IncomingFile): ImportOutcome {
    try {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const existing = this.repo.findBySha256(sha256);
      if (existing) return { file: file.name, status: 'duplicate', id: existing.id, title: existing.title };
      const parsed = this.parse(file);
      const id = randomUUID();
      this.repo.insert({
        id,
        sha256,
        fileName: file.name,
        bytes: file.bytes,
        importedAt: this.now().toISOString(),
        meta: EMPTY_META,
        ...parsed,
      });
      return { file: file.name, status: 'imported', id, title: parsed.title };
    } catch (err) {
      const reason = toErrorData(err);
      if (reason.code === 'internal') this.options.onInternalError?.(file.name, err);
      return { file: file.name, status: 'rejected', reason };
    }
  }

  private parse(file: IncomingFile): ParsedDocument {
    const size = file.bytes.byteLength;
    if (size === 0) throw new AppError('empty_file', `${file.name} is empty`, { file: file.name });
    if (size > this.options.maxImportBytes) {
      throw new AppError('too_large', `${file.name} is larger than ${this.options.maxImportBytes} bytes`, {
        file: file.name,
        size,
        limit: this.options.maxImportBytes,
      });
    }
    const detected = detectKind(file.name, file.bytes);
    if (!detected.supported) {
      throw new AppError('unsupported_type', `${file.name}: ${detected.what} files cannot be imported`, {
        file: file.name,
        type: detected.what,
      });
    }
    const parsed = parseTextDocument(file.bytes, file.name, detected.kind);
    if (parsed.passages.length === 0) throw new AppError('empty_file', `${file.name} has no text`, { file: file.name });
    return parsed;
  }
}
