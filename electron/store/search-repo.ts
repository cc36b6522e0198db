import type { Database, Statement } from 'better-sqlite3';
import { idf, termWeight } from '../../shared/search/bm25';
import { measure, outsideBound, rankCandidates, rankMembers, rankPhrase } from '../../shared/search/ranking';
import type { ListBounds, Member, Ranked, Source } from '../../shared/search/ranking';
import { buildSnippet } from '../../shared/search/snippet';
import { queryTerms, termExpression, termKey } from '../../shared/search/tokens';
import type { QueryTerm } from '../../shared/search/tokens';
import type { SearchFilters, SearchHit, SearchQuery } from '../../shared/search/types';
import { documentFilterSql } from './document-filters';
import { statementCache } from './statements';

/**
 * Ranked search over passages (docs/search.md).
 *
 * A query that matches few passages is ranked by FTS5 itself (bm25 over every match). FTS5 has to
 * score every match, at 2–4 µs each, so for a word in 400,000 passages that takes a second; such a
 * term is ranked from its list (migration 0003): its best passages under the same bm25, built once
 * by FTS5 and kept current by folding newer passages in. A phrase of frequent words is ranked from
 * the lists of its words when that is provably exact, and gets a list of its own otherwise.
 */

export interface SearchRepoOptions {
  /** A query matching at most this many passages is ranked by FTS5 over all of its matches. */
  exhaustiveLimit: number;
  /** Passages kept in a term's list: deeper pages fall back to FTS5. */
  listSize: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchRepoOptions = { exhaustiveLimit: 4000, listSize: 500 };

interface Stats {
  rows: number;
  avgLength: number;
  maxPk: number;
  deletions: number;
}

interface List extends ListBounds {
  id: number;
  /** Passages matching the term (its IDF), counted after `deletions` passage deletions. */
  matches: number;
  deletions: number;
  watermark: number;
}

interface Filter {
  sql: string;
  params: string[];
}

const HAN = /\p{Script=Han}/u;

/** SQLite varint (big-endian, 7 bits a byte, the 9th byte whole), as FTS5 writes them. */
function readVarint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const b = bytes[at + i]!;
    value = value * 128 + (b & 0x7f);
    if (b < 0x80) return [value, at + i + 1];
  }
  return [value * 256 + bytes[at + 8]!, at + 9];
}

/** The Library's filters (shared with the document list); undefined when nothing is filtered. */
function filterSql(filters: SearchFilters | undefined): Filter | undefined {
  const filter = documentFilterSql(filters);
  return filter.params.length ? filter : undefined;
}

/** All SQL of search. */
export class SearchRepo {
  private readonly sql: (text: string) => Statement;
  private readonly options: SearchRepoOptions;

  constructor(
    private readonly db: Database,
    options: Partial<SearchRepoOptions> = {},
  ) {
    this.sql = statementCache(db);
    this.options = { ...DEFAULT_SEARCH_OPTIONS, ...options };
  }

  search(q: SearchQuery): SearchHit[] {
    const terms = queryTerms(q.query);
    if (terms.length === 0) return [];
    const offset = q.offset ?? 0;
    const ranked = this.rank(terms, offset + q.limit, filterSql(q.filters));
    return this.hydrate(ranked.slice(offset), q.query);
  }

  /**
   * Builds (or refreshes) the list of every token found in more than `exhaustiveLimit` passages,
   * so the first search for a common word is fast too. Minutes on a large store: for after bulk
   * imports, in the background. Returns the number of lists built.
   */
  prepareLists(onProgress?: (done: number, total: number) => void): number {
    this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, passages_fts, row)`);
    const tokens = this.sql(`SELECT term FROM temp.search_vocab WHERE doc > ?`)
      .pluck()
      .all(this.options.exhaustiveLimit) as string[];
    // A word typed alone is a prefix query (budg → budget), so words get a prefix list as well.
    const terms = tokens.flatMap((token): QueryTerm[] =>
      HAN.test(token)
        ? [{ tokens: [token], prefix: false }]
        : [
            { tokens: [token], prefix: false },
            { tokens: [token], prefix: true },
          ],
    );
    let built = 0;
    terms.forEach((term, i) => {
      this.db.transaction(() => {
        const stats = this.stats();
        if (this.list(term, stats, false)?.avgLength !== stats.avgLength) {
          this.buildList(term, stats);
          built++;
        }
      })();
      onProgress?.(i + 1, terms.length);
    });
    return built;
  }

  /** The best `need` passages, best first (score desc, then pk). */
  private rank(terms: QueryTerm[], need: number, filter: Filter | undefined): Ranked[] {
    const expression = terms.map(termExpression).join(' AND ');
    const probe = this.sql(`SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)`)
      .pluck()
      .get(expression, this.options.exhaustiveLimit + 1) as number;
    if (probe > this.options.exhaustiveLimit && need <= this.options.listSize) {
      const ranked = this.db.transaction(() => this.rankFromLists(terms, need, filter))();
      if (ranked) return ranked;
    }
    return this.rankAll(expression, need, filter);
  }

  /** FTS5 bm25 over every match: exact, and cheap when matches are few. */
  private rankAll(expression: string, need: number, filter: Filter | undefined): Ranked[] {
    // CROSS JOIN: the matches drive, whatever the planner guesses about the filter.
    const sql = filter
      ? `SELECT passages_fts.rowid AS pk, -bm25(passages_fts) AS score
         FROM passages_fts CROSS JOIN passages p ON p.pk = passages_fts.rowid CROSS JOIN documents d ON d.id = p.document_id
         WHERE passages_fts MATCH ? AND ${filter.sql} ORDER BY score DESC, pk LIMIT ?`
      : `SELECT rowid AS pk, -bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ?
         ORDER BY score DESC, pk LIMIT ?`;
    return this.sql(sql).all(expression, ...(filter?.params ?? []), need) as Ranked[];
  }

  /** Undefined when the lists cannot prove the best `need` passages (FTS5 ranks them then). */
  private rankFromLists(terms: QueryTerm[], need: number, filter: Filter | undefined): Ranked[] | undefined {
    const stats = this.stats();
    if (terms.length > 1) {
      const sources = terms.map((t) => this.ownSource(t, stats));
      return rankCandidates(this.texts(this.candidates(sources), filter), terms, sources, stats.avgLength, need);
    }
    const term = terms[0]!;
    if (term.tokens.length > 1 && !term.prefix && !this.list(term, stats, false)) {
      // A phrase: its words' lists usually settle it; otherwise it gets a list of its own.
      const ranked = this.rankPhraseFromTokens(term, stats, need, filter);
      if (ranked) return ranked;
    }
    const list = this.list(term, stats, true)!;
    const ranked = this.rankList(list, stats, need, filter);
    if (ranked || list.avgLength === stats.avgLength) return ranked;
    // Built before the store changed, and now it cannot prove its top: rebuild it.
    return this.rankList(this.buildList(term, stats), stats, need, filter);
  }

  private rankList(list: List, stats: Stats, need: number, filter: Filter | undefined): Ranked[] | undefined {
    const members = this.sql(
      `SELECT e.pk, e.tf, e.length FROM search_list_entries e CROSS JOIN passages p ON p.pk = e.pk
       ${filter ? `CROSS JOIN documents d ON d.id = p.document_id WHERE e.list = ? AND ${filter.sql}` : 'WHERE e.list = ?'}`,
    ).all(list.id, ...(filter?.params ?? [])) as Member[];
    return rankMembers(members, list, idf(list.matches, stats.rows), stats.avgLength, need);
  }

  private ownSource(term: QueryTerm, stats: Stats): Source {
    const list = this.list(term, stats, true)!;
    return {
      pks: this.members(list.id),
      idf: idf(list.matches, stats.rows),
      theta: outsideBound(list, stats.avgLength),
    };
  }

  /**
   * A phrase from its tokens' lists: it occurs at most as often as each token, so its weight in a
   * passage is at most each token's there (listed), or that list's bound (unlisted). The order is
   * exact; the IDF is the rarest token's (counting the phrase would cost a pass over all its
   * matches), so the score can differ from FTS5's by that factor.
   */
  private rankPhraseFromTokens(
    term: QueryTerm,
    stats: Stats,
    need: number,
    filter: Filter | undefined,
  ): Ranked[] | undefined {
    const lists = [...new Set(term.tokens)].map((token) => this.list({ tokens: [token], prefix: false }, stats, true)!);
    const bounds = lists.map((l) => outsideBound(l, stats.avgLength));
    const theta = Math.min(...bounds);
    const entries = lists.map((l) => new Map(this.entries(l.id).map((m) => [m.pk, m])));
    const candidates = this.candidates(entries.map((e) => ({ pks: [...e.keys()] }))).map((pk) => {
      let bound = Number.MAX_VALUE;
      let length = 0;
      entries.forEach((e, i) => {
        const m = e.get(pk);
        if (m) length = m.length;
        bound = Math.min(bound, m ? termWeight(m.tf, m.length, stats.avgLength) : bounds[i]!);
      });
      return { pk, length, bound };
    });
    // Ties with theta are ordered by pk only under the statistics the lists were built with.
    const current = lists.every((l) => l.avgLength === stats.avgLength);
    const thetaPk = current ? Math.max(...lists.filter((l) => l.theta === theta).map((l) => l.boundary)) : undefined;
    const termIdf = idf(Math.min(...lists.map((l) => l.matches)), stats.rows);
    return rankPhrase(term, candidates, { theta, thetaPk }, termIdf, stats.avgLength, need, (pks) =>
      this.texts(pks, filter),
    );
  }

  private candidates(sources: { pks: number[] }[]): number[] {
    return [...new Set(sources.flatMap((s) => s.pks))];
  }

  private members(listId: number): number[] {
    return this.sql(`SELECT pk FROM search_list_entries WHERE list = ?`).pluck().all(listId) as number[];
  }

  private entries(listId: number): Member[] {
    return this.sql(`SELECT pk, tf, length FROM search_list_entries WHERE list = ?`).all(listId) as Member[];
  }

  /** The term's list, brought up to date; built if missing and `build`. */
  private list(term: QueryTerm, stats: Stats, build: boolean): List | undefined {
    const list = this.sql(
      `SELECT id, matches, deletions, avg_length AS avgLength, theta, boundary, watermark FROM search_lists WHERE term = ?`,
    ).get(termKey(term)) as List | undefined;
    if (!list) return build ? this.buildList(term, stats) : undefined;
    if (list.watermark < stats.maxPk || list.deletions !== stats.deletions) this.sync(list, term, stats);
    return list;
  }

  /** FTS5 ranks every match once; the best `listSize` are kept. */
  private buildList(term: QueryTerm, stats: Stats): List {
    const expression = termExpression(term);
    const matches = this.sql(`SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?`)
      .pluck()
      .get(expression) as number;
    const best = this.sql(
      `SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts), rowid LIMIT ?`,
    )
      .pluck()
      .all(expression, this.options.listSize) as number[];
    const members = this.measureAll(best, term);
    const weights = members.map((m) => termWeight(m.tf, m.length, stats.avgLength));
    // Unlisted passages weigh at most the lightest member; 0 when every match is listed.
    const theta = matches <= best.length ? 0 : weights.length ? Math.min(...weights) : Number.MAX_VALUE;
    const boundary = best[best.length - 1] ?? 0;
    const list: List = {
      id: 0,
      matches,
      deletions: stats.deletions,
      avgLength: stats.avgLength,
      theta,
      boundary,
      watermark: stats.maxPk,
    };
    this.sql(`DELETE FROM search_lists WHERE term = ?`).run(termKey(term));
    list.id = Number(
      this.sql(
        `INSERT INTO search_lists (term, matches, deletions, avg_length, theta, boundary, watermark) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(termKey(term), matches, list.deletions, list.avgLength, theta, boundary, list.watermark).lastInsertRowid,
    );
    this.insertMembers(list.id, members);
    return list;
  }

  /**
   * Passages added since the list was last synced join it if they beat theta; after deletions
   * its matches (the term's IDF) are counted again.
   */
  private sync(list: List, term: QueryTerm, stats: Stats): void {
    const expression = termExpression(term);
    this.sql(`DELETE FROM search_list_entries WHERE list = ? AND pk > ?`).run(list.id, list.watermark);
    // CAST: better-sqlite3 binds JS numbers as REAL, and FTS5 ignores a REAL rowid bound (a full scan).
    const fresh = this.sql(`SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid > CAST(? AS INTEGER)`)
      .pluck()
      .all(expression, list.watermark) as number[];
    this.insertMembers(
      list.id,
      this.measureAll(fresh, term).filter((m) => termWeight(m.tf, m.length, list.avgLength) > list.theta),
    );
    list.matches =
      list.deletions === stats.deletions
        ? list.matches + fresh.length
        : (this.sql(`SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?`).pluck().get(expression) as number);
    Object.assign(list, { deletions: stats.deletions, watermark: stats.maxPk });
    this.sql(`UPDATE search_lists SET matches = ?, deletions = ?, watermark = ? WHERE id = ?`).run(
      list.matches,
      list.deletions,
      list.watermark,
      list.id,
    );
  }

  private measureAll(pks: number[], term: QueryTerm): Member[] {
    return this.texts(pks, undefined).map(({ pk, text }) => ({ pk, ...measure(text, term) }));
  }

  private insertMembers(listId: number, members: Member[]): void {
    const insert = this.sql(`INSERT OR REPLACE INTO search_list_entries (list, pk, tf, length) VALUES (?, ?, ?, ?)`);
    for (const m of members) insert.run(listId, m.pk, m.tf, m.length);
  }

  /** Texts of existing passages among `pks` that pass the filter; CROSS JOIN keeps the pk lookups first. */
  private texts(pks: number[], filter: Filter | undefined): { pk: number; text: string }[] {
    if (pks.length === 0) return [];
    return this.sql(
      `SELECT p.pk, p.text FROM json_each(?) j CROSS JOIN passages p ON p.pk = j.value
       ${filter ? `CROSS JOIN documents d ON d.id = p.document_id WHERE ${filter.sql}` : ''}`,
    ).all(JSON.stringify(pks), ...(filter?.params ?? [])) as { pk: number; text: string }[];
  }

  /**
   * Row count and average length (tokens) from FTS5's own totals record (the 'averages' row of
   * passages_fts_data), which its bm25 uses too; with the newest pk and the deletion count.
   */
  private stats(): Stats {
    const { maxPk, deletions } = this.sql(
      `SELECT (SELECT coalesce(max(pk), 0) FROM passages) AS maxPk, deletions FROM search_state`,
    ).get() as { maxPk: number; deletions: number };
    const block = this.sql(`SELECT block FROM passages_fts_data WHERE id = 1`).pluck().get() as Uint8Array | undefined;
    if (!block || block.length === 0) return { rows: 0, avgLength: 1, maxPk, deletions };
    const [rows, at] = readVarint(block, 0);
    const [tokens] = readVarint(block, at);
    return { rows, avgLength: rows > 0 ? tokens / rows : 1, maxPk, deletions };
  }

  private hydrate(ranked: Ranked[], query: string): SearchHit[] {
    if (ranked.length === 0) return [];
    const rows = this.sql(
      `SELECT p.pk, p.id, p.document_id AS documentId, p.page, p.paragraph, p.text, d.title
       FROM json_each(?) j CROSS JOIN passages p ON p.pk = j.value CROSS JOIN documents d ON d.id = p.document_id`,
    ).all(JSON.stringify(ranked.map((r) => r.pk))) as {
      pk: number;
      id: string;
      documentId: string;
      page: number;
      paragraph: number;
      text: string;
      title: string;
    }[];
    const byPk = new Map(rows.map((r) => [r.pk, r]));
    return ranked.flatMap(({ pk, score }) => {
      const row = byPk.get(pk);
      if (!row) return [];
      const { snippet, highlights } = buildSnippet(row.text, query);
      return [
        {
          documentId: row.documentId,
          title: row.title,
          passageId: row.id,
          page: row.page,
          paragraph: row.paragraph,
          snippet,
          highlights,
          score,
        },
      ];
    });
  }
}
