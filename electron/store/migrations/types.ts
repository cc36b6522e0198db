import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Equals its position in the list + 1 and the value of PRAGMA user_version after it ran. */
  version: number;
  name: string;
  up(db: Database): void;
}
