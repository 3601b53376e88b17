import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommandLineTool } from '../support/runCommandLineTool.js';

const directory = mkdtempSync(join(tmpdir(), 'newsdesk-backup-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const env = { DATABASE_PATH: join(directory, 'newsdesk.sqlite'), KNOWLEDGE_DIR: 'knowledge' };

function countRows(path: string, table: string): number {
  const database = new Database(path, { readonly: true });
  try {
    return database.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    database.close();
  }
}

describe('backup command line', () => {
  it('copies the database, articles and metadata alike, to a new file', async () => {
    expect((await runCommandLineTool('ingest', [], env)).code).toBe(0);
    const copy = join(directory, 'copy.sqlite');
    const { code, stdout } = await runCommandLineTool('backup', [copy], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^backed up .+newsdesk\.sqlite to .+copy\.sqlite \(\d+ pages\)\n$/);
    for (const table of ['articles', 'passages', 'metadata'])
      expect(countRows(copy, table)).toBe(countRows(env.DATABASE_PATH, table));
  });

  it('exits 2 and leaves the file alone when the destination exists', async () => {
    const existing = join(directory, 'existing.sqlite');
    writeFileSync(existing, 'keep me');
    const { code, stderr } = await runCommandLineTool('backup', [existing], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/existing\.sqlite already exists/);
  });

  it('exits 2 without creating anything when DATABASE_PATH names no database', async () => {
    const missing = join(directory, 'mistyped.sqlite');
    const { code, stderr } = await runCommandLineTool('backup', [join(directory, 'never.sqlite')], {
      ...env,
      DATABASE_PATH: missing,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^newsdesk: there is no database at .+mistyped\.sqlite/);
    expect(existsSync(missing)).toBe(false);
  });

  it('says in one line, not "unexpected error", when the destination folder is missing', async () => {
    const { code, stderr } = await runCommandLineTool(
      'backup',
      [join(directory, 'no', 'such', 'x.sqlite')],
      env,
    );
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^newsdesk: the folder .+such does not exist$/);
  });
});
