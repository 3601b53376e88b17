import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Overwrites the root page of `table` in the (closed, checkpointed) SQLite file at `path` with
 * garbage, as a failing disk would: the file still opens, and only reading that table fails.
 */
export function corruptTable(path: string, table: string): void {
  const database = new Database(path);
  const pageSize = database.pragma('page_size', { simple: true }) as number;
  const rootPage = database
    .prepare('SELECT rootpage FROM sqlite_master WHERE name = ?')
    .pluck()
    .get(table) as number;
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  const descriptor = openSync(path, 'r+');
  try {
    writeSync(descriptor, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootPage - 1) * pageSize);
  } finally {
    closeSync(descriptor);
  }
}
