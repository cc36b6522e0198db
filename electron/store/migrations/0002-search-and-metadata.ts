import { indexTokens } from '../../../shared/search/tokens';
import type { Migration } from './types';

/**
 * Full-text search and official-document metadata.
 * - passages get an INTEGER PRIMARY KEY: the FTS rowid must survive VACUUM, an implicit rowid need not.
 * - passages_fts is contentless (the text lives in passages); its one column holds the tokens of
 *   shared/search/tokens.ts (Han bigrams + words), split by unicode61. contentless_delete lets
 *   a document's rows be removed.
 * - documents get 文号, 发文机关, 成文日期, 文种, 密级 and whether the file had a text layer; tags
 *   are their own table.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'search-and-metadata',
  up(db) {
    db.exec(`
      CREATE TABLE passages_v2 (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        page INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (document_id, seq)
      ) STRICT;
      INSERT INTO passages_v2 (id, document_id, seq, page, paragraph, start, end, text)
        SELECT id, document_id, seq, page, paragraph, start, end, text FROM passages ORDER BY document_id, seq;
      DROP TABLE passages;
      ALTER TABLE passages_v2 RENAME TO passages;

      ALTER TABLE documents ADD COLUMN doc_number TEXT;
      ALTER TABLE documents ADD COLUMN issuer TEXT;
      ALTER TABLE documents ADD COLUMN issued_date TEXT;
      ALTER TABLE documents ADD COLUMN doc_type TEXT;
      ALTER TABLE documents ADD COLUMN classification TEXT;
      ALTER TABLE documents ADD COLUMN text_layer INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX documents_doc_type ON documents(doc_type);
      CREATE INDEX documents_issuer ON documents(issuer);
      CREATE INDEX documents_issued_date ON documents(issued_date);

      CREATE TABLE document_tags (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (document_id, tag)
      ) STRICT;
      CREATE INDEX document_tags_tag ON document_tags(tag);

      CREATE VIRTUAL TABLE passages_fts USING fts5(
        tokens, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
    const insert = db.prepare(`INSERT INTO passages_fts (rowid, tokens) VALUES (?, ?)`);
    // .all(): a connection cannot write while one of its statements is still iterating.
    for (const row of db.prepare(`SELECT pk, text FROM passages`).all() as { pk: number; text: string }[]) {
      insert.run(row.pk, indexTokens(row.text));
    }
  },
};
