import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { NewsdeskError } from '../errors.js';
import { migrate } from './migrations.js';

export type NewsdeskDatabase = Database.Database;

/**
 * Creates the folders missing above `path`, one level at a time from the nearest existing ancestor.
 * Not `mkdirSync(..., { recursive: true })`: on procfs and similar file systems Node's recursive
 * mkdir retries forever instead of failing, and `DATABASE_PATH=/proc/x/db.sqlite` hung every tool.
 */
function createParentFolders(path: string): void {
  const missing: string[] = [];
  let folder = dirname(resolve(path));
  while (statSync(folder, { throwIfNoEntry: false }) === undefined) {
    missing.push(folder);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new NewsdeskError(
        'database',
        `cannot create the folder ${level} for the database ${path}: ${(error as Error).message}`,
        { cause: error, userMessage: 'The knowledge database cannot be opened.' },
      );
    }
  }
}

/**
 * Whether `error` says the database file is damaged or is not an SQLite database: better-sqlite3's
 * SqliteError with an `SQLITE_CORRUPT*` or `SQLITE_NOTADB` code (the message text is not relied on).
 */
export function isDatabaseDamage(error: unknown): boolean {
  if (!(error instanceof Database.SqliteError)) return false;
  return error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB';
}

/**
 * The one-line error for a database that is damaged or belongs to something else, saying how to
 * recover (`code: 'database_damaged'`). It never tells anyone to delete the file: a mistyped
 * DATABASE_PATH may name someone's own file.
 *
 * @param path the database file as configured (DATABASE_PATH).
 * @param detail what SQLite or the check found, e.g. "file is not a database".
 */
export function createDatabaseDamagedError(path: string, detail: string, cause?: unknown): NewsdeskError {
  return new NewsdeskError(
    'database_damaged',
    `the database at ${path} is damaged or is not a newsdesk database (${detail}). Check that DATABASE_PATH names the right file: if it does, restore a backup (\`npm run backup\` makes one) or move the file aside and run \`npm run ingest\` to rebuild the folder's articles from knowledge/ (conversations, digest history, followed feeds and articles taken from feeds are lost)`,
    { cause, userMessage: 'The knowledge database is damaged; an administrator has to rebuild it.' },
  );
}

/**
 * Whether `error` says another connection holds the lock SQLite waited for (`SQLITE_BUSY*`,
 * `SQLITE_LOCKED*`): after the busy timeout (5 s, set in openDatabase), nothing but waiting longer helps.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code);
}

/**
 * The one-line error for a write that waited out the busy timeout (`code: 'database_busy'`): SQLite's
 * "database is locked" names neither the file nor what to do.
 *
 * @param path the database file as configured (DATABASE_PATH).
 * @param advice what to do, after a semicolon; by default what an interrupted ingest needs.
 */
export function createDatabaseBusyError(
  path: string,
  cause: unknown,
  advice = 'what was stored so far is kept — run the ingest again',
): NewsdeskError {
  return new NewsdeskError(
    'database_busy',
    `the database at ${path} is locked by another process (another ingest?); ${advice}`,
    { cause, userMessage: 'The knowledge database is busy; try again in a moment.' },
  );
}

// Another program's SQLite file has tables but has never been migrated by newsdesk.
function isForeignDatabase(database: NewsdeskDatabase): boolean {
  // One read transaction: another process migrating the new file between the two reads would show
  // its tables beside the version it had not yet set.
  return database.transaction(() => {
    if ((database.pragma('user_version', { simple: true }) as number) !== 0) return false;
    return (
      database.prepare("SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1").get() !==
      undefined
    );
  })();
}

/** Attempts at switching a new file to WAL while another process holds it, 20 ms apart. */
const walAttempts = 100;
const walRetryMilliseconds = 20;

/**
 * Switches the database to WAL. SQLite does not wait (`busy_timeout`) for the lock this takes, so two
 * processes creating the file at once would see "database is locked": the switch is retried.
 */
function useWriteAheadLog(database: NewsdeskDatabase): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      database.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= walAttempts) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, walRetryMilliseconds);
    }
  }
}

/**
 * Opens (creating when missing, with any missing parent folders) the SQLite file at `path`, in WAL
 * mode with foreign keys on, and migrates it to the current schema. `':memory:'` gives a private
 * in-memory database for tests.
 *
 * @throws NewsdeskError (`code: 'database_damaged'`) when the file is damaged, is not an SQLite
 *   database, or is another program's database; its message says how to rebuild it.
 * @throws NewsdeskError (`code: 'database'`) when the file or its folder cannot be created or opened.
 */
export function openDatabase(path: string): NewsdeskDatabase {
  let database: NewsdeskDatabase | undefined;
  try {
    if (path !== ':memory:') createParentFolders(path);
    database = new Database(path);
    database.pragma('busy_timeout = 5000');
    useWriteAheadLog(database);
    database.pragma('foreign_keys = ON');
    if (isForeignDatabase(database)) {
      throw createDatabaseDamagedError(path, 'it holds tables newsdesk did not create');
    }
    migrate(database);
    return database;
  } catch (error) {
    database?.close();
    if (error instanceof NewsdeskError) throw error;
    if (isDatabaseDamage(error)) throw createDatabaseDamagedError(path, (error as Error).message, error);
    throw new NewsdeskError('database', `cannot open database ${path}: ${(error as Error).message}`, {
      cause: error,
      userMessage: 'The knowledge database cannot be opened.',
    });
  }
}

/**
 * Runs SQLite's `PRAGMA quick_check` (every page and row readable, without comparing indexes to their
 * tables), which reads the whole file: worth it before an ingest reports success, not on every `ask`.
 *
 * @param path the database file as configured, for the message.
 * @throws NewsdeskError (`code: 'database_damaged'`) naming the first problem SQLite found.
 */
export function checkDatabase(database: NewsdeskDatabase, path: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = database.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    if (isDatabaseDamage(error)) throw createDatabaseDamagedError(path, (error as Error).message, error);
    throw error;
  }
  const first = rows[0]?.quick_check;
  // SQLite's report spans lines ("*** in database main ***\nTree 4 page 4: …"); the message is one line.
  if (first !== undefined && first !== 'ok')
    throw createDatabaseDamagedError(path, first.replace(/\s+/g, ' ').trim());
}
