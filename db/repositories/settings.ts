import type { Database } from 'better-sqlite3';

export function settingsRepository(db: Database) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?');
  const set = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get(key: string): string | undefined {
      return get.get(key)?.value;
    },
    set(key: string, value: string): void {
      set.run(key, value);
    },
  };
}
