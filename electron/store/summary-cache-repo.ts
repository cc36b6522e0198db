import type { Database } from 'better-sqlite3';

export type CacheStage = 'map' | 'reduce' | 'final';

export interface CachedText {
  model: string;
  text: string;
}

/** All SQL about cached summary output (see migration 0007). */
export class SummaryCacheRepo {
  constructor(private readonly db: Database) {}

  get(key: string): CachedText | undefined {
    return this.db.prepare(`SELECT model, text FROM summary_cache WHERE key = ?`).get(key) as CachedText | undefined;
  }

  /** A finished piece is written at once, on its own: it must survive a later failure of the run. */
  put(key: string, entry: { stage: CacheStage; model: string; documents: string[]; text: string; at: Date }): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO summary_cache (key, stage, model, documents, text, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(key, entry.stage, entry.model, entry.documents.join(' '), entry.text, entry.at.toISOString());
  }

  count(stage?: CacheStage): number {
    const row = stage
      ? this.db.prepare(`SELECT count(*) AS n FROM summary_cache WHERE stage = ?`).get(stage)
      : this.db.prepare(`SELECT count(*) AS n FROM summary_cache`).get();
    return (row as { n: number }).n;
  }
}
