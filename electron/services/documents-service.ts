import { createHash, randomUUID } from 'node:crypto';
import type {
  DocumentDetail,
  DocumentFacets,
  DocumentMeta,
  DocumentSort,
  DocumentSummary,
  ImportOutcome,
} from '../../shared/domain/document';
import { AppError, toErrorData } from '../../shared/errors';
import { extractMeta } from '../../shared/gongwen/meta';
import type { SearchFilters } from '../../shared/search/types';
import { detectKind } from '../ingest/detect';
import type { ParseJob, ParsedDocument } from '../ingest/parsed';
import type { DocumentsRepo, StoredDocument } from '../store/documents-repo';

/** A file offered for import. `load` lets the CLI read a folder lazily instead of all at once. */
export interface IncomingFile {
  name: string;
  load: () => Uint8Array | Promise<Uint8Array>;
  password?: string;
}

/** Parsing runs off the main thread (electron/ingest/parse-pool.ts); tests may parse in-thread. */
export type ParseFn = (job: ParseJob, signal?: AbortSignal) => Promise<ParsedDocument>;

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
  status: ImportOutcome['status'];
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Overrides the service's concurrency for this call. */
  concurrency?: number;
}

export interface DocumentsServiceOptions {
  parse: ParseFn;
  /** Files loaded and parsed at once: as many as there are parse workers keeps them busy. */
  concurrency?: number;
  /** Larger files are refused before parsing; read at each import, so a settings change applies at once. */
  maxImportBytes: () => number;
  now?: () => Date;
  /** A parser or store bug for one file: reported here, and that file is rejected as `internal`. */
  onInternalError?: (file: string, err: unknown) => void;
}

const summary = ({ encoding: _encoding, ...doc }: StoredDocument): DocumentSummary => doc;

export class DocumentsService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: DocumentsRepo,
    private readonly options: DocumentsServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  list(sort: DocumentSort = 'imported_desc', limit = 200, offset = 0, filters?: SearchFilters): DocumentSummary[] {
    return this.repo.list(sort, limit, offset, filters).map(summary);
  }

  facets(): DocumentFacets {
    return this.repo.facets();
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

  updateMeta(id: string, meta: DocumentMeta): DocumentSummary {
    if (!this.repo.updateMeta(id, meta)) throw new AppError('not_found', `no document ${id}`, { id });
    return summary(this.repo.get(id)!);
  }

  /**
   * Imports each file on its own: one bad file never stops or undoes the others, and each is
   * written in one transaction, so the store holds a document wholly or not at all. Outcomes
   * come back in the order of `files`; files not started when `signal` aborts are `cancelled`.
   */
  async importFiles(files: IncomingFile[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = new Array(files.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < files.length) {
        const index = next++;
        const file = files[index]!;
        const outcome = await this.importOne(file, options.signal);
        outcomes[index] = outcome;
        options.onProgress?.({ done: ++done, total: files.length, file: file.name, status: outcome.status });
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.max(1, Math.min(options.concurrency ?? this.options.concurrency ?? 2, files.length)) },
        worker,
      ),
    );
    return outcomes;
  }

  private async importOne(file: IncomingFile, signal: AbortSignal | undefined): Promise<ImportOutcome> {
    try {
      if (signal?.aborted) throw new AppError('cancelled', 'import cancelled');
      const bytes = await file.load();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const existing = this.repo.findBySha256(sha256);
      if (existing) return { file: file.name, status: 'duplicate', id: existing.id, title: existing.title };
      const parsed = await this.parse(file, bytes, signal);
      // Another batch may have stored the same bytes while this one was parsing.
      const raced = this.repo.findBySha256(sha256);
      if (raced) return { file: file.name, status: 'duplicate', id: raced.id, title: raced.title };
      const { title, classificationMark: _mark, ...meta } = extractMeta(parsed.text);
      const id = randomUUID();
      this.repo.insert({
        ...parsed,
        id,
        sha256,
        fileName: file.name,
        bytes,
        importedAt: this.now().toISOString(),
        title: title ?? parsed.title,
        meta: { ...meta, tags: [] },
      });
      return { file: file.name, status: 'imported', id, title: title ?? parsed.title };
    } catch (err) {
      const reason = toErrorData(err);
      if (reason.code === 'internal') this.options.onInternalError?.(file.name, err);
      return { file: file.name, status: 'rejected', reason };
    }
  }

  private async parse(file: IncomingFile, bytes: Uint8Array, signal: AbortSignal | undefined): Promise<ParsedDocument> {
    const size = bytes.byteLength;
    if (size === 0) throw new AppError('empty_file', `${file.name} is empty`, { file: file.name });
    const limit = this.options.maxImportBytes();
    if (size > limit) {
      throw new AppError('too_large', `${file.name} is larger than ${limit} bytes`, { file: file.name, size, limit });
    }
    const detected = detectKind(file.name, bytes);
    if (!detected.supported) {
      throw new AppError('unsupported_type', `${file.name}: ${detected.what} files cannot be imported`, {
        file: file.name,
        type: detected.what,
      });
    }
    const parsed = await this.options.parse(
      { name: file.name, bytes, kind: detected.kind, password: file.password },
      signal,
    );
    // A scan without a text layer is kept (marked "OCR needed"); a text file with no text is not.
    if (parsed.passages.length === 0 && parsed.textLayer) {
      throw new AppError('empty_file', `${file.name} has no text`, { file: file.name });
    }
    return parsed;
  }
}
