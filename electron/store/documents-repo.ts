import type { Database, Statement } from 'better-sqlite3';
import type { DocumentFacets, FacetValue } from '../../shared/domain/document';
import { indexTokens } from '../../shared/search/tokens';
import type { SearchFilters } from '../../shared/search/types';
import { documentFilterSql } from './document-filters';
import { statementCache } from './statements';
import type {
  Classification,
  DocumentKind,
  DocumentMeta,
  DocumentSort,
  DocumentSummary,
  Passage,
} from '../../shared/domain/document';

export interface NewDocument {
  id: string;
  sha256: string;
  fileName: string;
  kind: DocumentKind;
  title: string;
  encoding: string | null;
  pageCount: number;
  text: string;
  bytes: Uint8Array;
  importedAt: string;
  passages: Omit<Passage, 'id'>[];
  textLayer: boolean;
  meta: DocumentMeta;
}

export interface StoredDocument extends DocumentSummary {
  encoding: string | null;
}

interface DocumentRow {
  id: string;
  title: string;
  file_name: string;
  kind: DocumentKind;
  size_bytes: number;
  sha256: string;
  page_count: number;
  passage_count: number;
  char_count: number;
  imported_at: string;
  encoding: string | null;
  text_layer: number;
  doc_number: string | null;
  issuer: string | null;
  issued_date: string | null;
  doc_type: string | null;
  classification: Classification | null;
  tags: string | null;
}

const SELECT_DOCUMENT = `
  SELECT d.id, d.title, d.file_name, d.kind, o.size_bytes, d.sha256, d.page_count, d.char_count,
         d.imported_at, d.encoding, d.text_layer, d.doc_number, d.issuer, d.issued_date, d.doc_type,
         d.classification,
         (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count,
         (SELECT json_group_array(tag) FROM (SELECT tag FROM document_tags t WHERE t.document_id = d.id ORDER BY tag)) AS tags
  FROM documents d JOIN originals o ON o.sha256 = d.sha256`;

const ORDER: Record<DocumentSort, string> = {
  imported_desc: 'd.imported_at DESC, d.rowid DESC',
  imported_asc: 'd.imported_at ASC, d.rowid ASC',
  title_asc: 'd.title COLLATE NOCASE ASC, d.rowid ASC',
};

const toDocument = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  title: r.title,
  fileName: r.file_name,
  kind: r.kind,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  pageCount: r.page_count,
  passageCount: r.passage_count,
  charCount: r.char_count,
  importedAt: r.imported_at,
  encoding: r.encoding,
  textLayer: r.text_layer === 1,
  meta: {
    docNumber: r.doc_number,
    issuer: r.issuer,
    issuedDate: r.issued_date,
    docType: r.doc_type,
    classification: r.classification,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
  },
});

/** Passage ids are stable: the document id and the passage's position in it. */
export const passageId = (documentId: string, seq: number): string => `${documentId}#${seq}`;

/** All SQL about documents and passages. */
export class DocumentsRepo {
  private readonly stmt: (sql: string) => Statement;

  constructor(private readonly db: Database) {
    this.stmt = statementCache(db);
  }

  findBySha256(sha256: string): StoredDocument | undefined {
    const row = this.stmt(`${SELECT_DOCUMENT} WHERE d.sha256 = ?`).get(sha256) as DocumentRow | undefined;
    return row && toDocument(row);
  }

  get(id: string): StoredDocument | undefined {
    const row = this.stmt(`${SELECT_DOCUMENT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    return row && toDocument(row);
  }

  /** Ids starting with `prefix` (at most `limit`), for the CLI's short ids. */
  idsWithPrefix(prefix: string, limit: number): string[] {
    const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    return (
      this.stmt(`SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' LIMIT ?`).all(`${escaped}%`, limit) as {
        id: string;
      }[]
    ).map((r) => r.id);
  }

  list(sort: DocumentSort, limit: number, offset: number, filters?: SearchFilters): StoredDocument[] {
    const where = documentFilterSql(filters);
    const rows = this.stmt(`${SELECT_DOCUMENT} WHERE ${where.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`).all(
      ...where.params,
      limit,
      offset,
    ) as DocumentRow[];
    return rows.map(toDocument);
  }

  passages(documentId: string): Passage[] {
    return this.stmt(
      `SELECT id, seq, page, paragraph, start, end, text FROM passages WHERE document_id = ? ORDER BY seq`,
    ).all(documentId) as Passage[];
  }

  /** One transaction per document: it is stored whole or not at all. */
  insert(doc: NewDocument): void {
    this.db.transaction(() => {
      this.stmt(`INSERT OR IGNORE INTO originals (sha256, size_bytes, bytes) VALUES (?, ?, ?)`).run(
        doc.sha256,
        doc.bytes.byteLength,
        Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength),
      );
      this.stmt(
        `INSERT INTO documents (id, sha256, file_name, kind, title, encoding, page_count, char_count, imported_at,
             text_layer, doc_number, issuer, issued_date, doc_type, classification)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        doc.id,
        doc.sha256,
        doc.fileName,
        doc.kind,
        doc.title,
        doc.encoding,
        doc.pageCount,
        doc.text.length,
        doc.importedAt,
        doc.textLayer ? 1 : 0,
        doc.meta.docNumber,
        doc.meta.issuer,
        doc.meta.issuedDate,
        doc.meta.docType,
        doc.meta.classification,
      );
      this.writeTags(doc.id, doc.meta.tags);
      const insertPassage = this.stmt(
        `INSERT INTO passages (id, document_id, seq, page, paragraph, start, end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const indexPassage = this.stmt(`INSERT INTO passages_fts (rowid, tokens) VALUES (?, ?)`);
      for (const p of doc.passages) {
        const { lastInsertRowid } = insertPassage.run(
          passageId(doc.id, p.seq),
          doc.id,
          p.seq,
          p.page,
          p.paragraph,
          p.start,
          p.end,
          p.text,
        );
        indexPassage.run(lastInsertRowid, indexTokens(p.text));
      }
    })();
  }

  /** Replaces the user-editable metadata of a document (tags included) in one transaction. */
  updateMeta(id: string, meta: DocumentMeta): boolean {
    return this.db.transaction(() => {
      const { changes } = this.stmt(
        `UPDATE documents SET doc_number = ?, issuer = ?, issued_date = ?, doc_type = ?, classification = ? WHERE id = ?`,
      ).run(meta.docNumber, meta.issuer, meta.issuedDate, meta.docType, meta.classification, id);
      if (changes === 0) return false;
      this.writeTags(id, meta.tags);
      return true;
    })();
  }

  private writeTags(id: string, tags: readonly string[]): void {
    this.stmt(`DELETE FROM document_tags WHERE document_id = ?`).run(id);
    const insert = this.stmt(`INSERT OR IGNORE INTO document_tags (document_id, tag) VALUES (?, ?)`);
    for (const tag of tags) insert.run(id, tag);
  }

  /** The values the Library's filters can take, with how many documents have each. */
  facets(): DocumentFacets {
    const counted = (sql: string) => this.stmt(sql).all() as FacetValue[];
    return {
      docTypes: counted(
        `SELECT doc_type AS value, count(*) AS count FROM documents WHERE doc_type IS NOT NULL GROUP BY doc_type ORDER BY count DESC, value`,
      ),
      issuers: counted(
        `SELECT issuer AS value, count(*) AS count FROM documents WHERE issuer IS NOT NULL GROUP BY issuer ORDER BY count DESC, value`,
      ),
      classifications: counted(
        `SELECT classification AS value, count(*) AS count FROM documents WHERE classification IS NOT NULL GROUP BY classification ORDER BY value`,
      ),
      tags: counted(
        `SELECT tag AS value, count(*) AS count FROM document_tags GROUP BY tag ORDER BY count DESC, value`,
      ),
    };
  }

  count(): number {
    return (this.stmt(`SELECT count(*) AS n FROM documents`).get() as { n: number }).n;
  }
}
