import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { NewsdeskError } from '../errors.js';
import { migrate } from './migrations.js';

export type NewsdeskDatabase = Database.Database;

/**
 * Opens (creating when missing) the SQLite file at `path`, in WAL mode with foreign keys on, and
 * migrates it to the current schema. `':memory:'` gives a private in-memory database for tests.
 *
 * @throws NewsdeskError (`code: 'database'`) when the file cannot be opened or is not a newsdesk database.
 */
export function openDatabase(path: string): NewsdeskDatabase {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const database = new Database(path);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    migrate(database);
    return database;
  } catch (error) {
    throw new NewsdeskError('database', `cannot open database ${path}: ${(error as Error).message}`, {
      cause: error,
      userMessage: 'The knowledge database cannot be opened.',
    });
  }
}
