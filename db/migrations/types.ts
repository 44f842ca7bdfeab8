import type { Database } from 'better-sqlite3';

/** A schema step. Once landed it is never edited: later changes are new migrations. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
