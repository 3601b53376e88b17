import type { NewsdeskDatabase } from './database.js';

/** Reads one value from the `metadata` key/value table; `null` when the key was never written. */
export function readMetadata(database: NewsdeskDatabase, key: string): string | null {
  const value = database.prepare('SELECT value FROM metadata WHERE key = ?').pluck().get(key);
  return typeof value === 'string' ? value : null;
}

/** Writes (inserting or replacing) one value in the `metadata` key/value table. */
export function writeMetadata(database: NewsdeskDatabase, key: string, value: string): void {
  database
    .prepare(
      'INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, value);
}
