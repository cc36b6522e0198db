import type { Database } from 'better-sqlite3';

export interface StoredPack {
  id: string;
  name: string;
  publisher: string;
  json: string;
  importedAt: string;
}

/** Imported template packs, kept as the JSON that was validated on import. */
export class TemplatePacksRepo {
  constructor(private readonly db: Database) {}

  all(): StoredPack[] {
    return this.db
      .prepare(`SELECT id, name, publisher, json, imported_at AS importedAt FROM template_packs ORDER BY imported_at`)
      .all() as StoredPack[];
  }

  /** One pack per name and publisher: importing a newer version replaces the older. */
  put(pack: StoredPack): void {
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM template_packs WHERE name = ? AND publisher = ?`).run(pack.name, pack.publisher);
      this.db
        .prepare(`INSERT INTO template_packs (id, name, publisher, json, imported_at) VALUES (?, ?, ?, ?, ?)`)
        .run(pack.id, pack.name, pack.publisher, pack.json, pack.importedAt);
    })();
  }

  remove(id: string): boolean {
    return this.db.prepare(`DELETE FROM template_packs WHERE id = ?`).run(id).changes > 0;
  }
}
