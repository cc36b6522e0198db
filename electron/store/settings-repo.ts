import type { Database } from 'better-sqlite3';

/** Key/value preferences; values are JSON so each setting keeps its type. */
export class SettingsRepo {
  constructor(private readonly db: Database) {}

  all(): Record<string, unknown> {
    const rows = this.db.prepare(`SELECT key, value FROM settings`).all() as { key: string; value: string }[];
    const out: Record<string, unknown> = {};
    for (const r of rows) {
      try {
        out[r.key] = JSON.parse(r.value);
      } catch {
        // A value this version cannot read falls back to its default.
      }
    }
    return out;
  }

  setMany(values: Record<string, unknown>): void {
    const upsert = this.db.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    })();
  }
}
