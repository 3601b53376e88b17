import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../src/errors.js';
import { checkDatabase, openDatabase } from '../../src/storage/database.js';
import { corruptTable } from '../support/corruptTable.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'newsdesk-database-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function openingError(path: string): NewsdeskError {
  try {
    openDatabase(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(NewsdeskError);
    return error as NewsdeskError;
  }
  throw new Error('expected openDatabase to throw');
}

const damaged =
  /^the database at .+ is damaged or is not a newsdesk database \(.+\)\. Check that DATABASE_PATH names the right file: if it does, restore a backup .+ or move the file aside and run `npm run ingest` .+ \(conversations, digest history, followed feeds and articles taken from feeds are lost\)$/;

describe('openDatabase', () => {
  it('returns a migrated database when its parent folders are missing', () => {
    const path = join(directory, 'a', 'b', 'newsdesk.sqlite');
    const database = openDatabase(path);
    expect(database.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    database.close();
    expect(existsSync(path)).toBe(true);
  });

  it.skipIf(process.platform !== 'linux')(
    'throws one line naming the folder when it cannot be created under /proc, instead of hanging',
    () => {
      const error = openingError('/proc/newsdesk-missing/deeper/db.sqlite');
      expect(error.code).toBe('database');
      expect(error.message).toMatch(/^cannot create the folder \/proc\/newsdesk-missing for the database /);
      expect(error.message).not.toContain('\n');
    },
  );

  it('throws database_damaged saying how to rebuild when the file is not a database', () => {
    const path = join(directory, 'newsdesk.sqlite');
    writeFileSync(path, 'Not a database at all. '.repeat(200));
    const error = openingError(path);
    expect(error).toMatchObject({ code: 'database_damaged' });
    expect(error.message).toMatch(damaged);
    expect(error.message).toContain(path);
  });

  it("throws database_damaged when the file is another program's SQLite database", () => {
    const path = join(directory, 'other.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE articles (name TEXT)');
    other.close();
    const error = openingError(path);
    expect(error).toMatchObject({ code: 'database_damaged' });
    expect(error.message).toMatch(damaged);
    expect(error.message).toContain('tables newsdesk did not create');
  });
});

describe('checkDatabase', () => {
  it('returns when the database is sound', () => {
    const database = openDatabase(join(directory, 'newsdesk.sqlite'));
    expect(() => checkDatabase(database, 'db')).not.toThrow();
    database.close();
  });

  it('throws database_damaged when a page is corrupt', () => {
    const path = join(directory, 'newsdesk.sqlite');
    openDatabase(path).close();
    corruptTable(path, 'conversations');
    const database = openDatabase(path);
    try {
      expect(() => checkDatabase(database, path)).toThrow(damaged);
    } finally {
      database.close();
    }
  });
});
