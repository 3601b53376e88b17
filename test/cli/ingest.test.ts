import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corruptTable } from '../support/corruptTable.js';
import { runCommandLineTool } from '../support/runCommandLineTool.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'newsdesk-cli-ingest-'));
  cpSync('knowledge', join(directory, 'knowledge'), { recursive: true });
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** Runs a command-line tool as `npm run` would, on the temporary folder; returns exit code and output. */
function runTool(tool: 'ingest' | 'ask', args: string[] = [], env: Record<string, string> = {}) {
  return runCommandLineTool(tool, args, {
    DATABASE_PATH: join(directory, 'newsdesk.sqlite'),
    KNOWLEDGE_DIR: join(directory, 'knowledge'),
    ...env,
  });
}

const damaged =
  /^newsdesk: the database at .+newsdesk\.sqlite is damaged or is not a newsdesk database \(.+\)\. Check that DATABASE_PATH names the right file: if it does, restore a backup .+ or move the file aside and run `npm run ingest` .+ \(conversations, digest history, followed feeds and articles taken from feeds are lost\)$/;

describe('ingest command line', () => {
  it('prints its usage for --help and exits 2 for an unknown option, ingesting nothing', async () => {
    const help = await runTool('ingest', ['--help']);
    const bogus = await runTool('ingest', ['--bogus']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: npm run ingest/) });
    expect(bogus).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^newsdesk: unknown option --bogus/),
    });
  });

  it('reports a symbolic link loop as one failed file and ingests the rest', async () => {
    symlinkSync('b.md', join(directory, 'knowledge', 'a.md'));
    symlinkSync('a.md', join(directory, 'knowledge', 'b.md'));
    const { code, stdout } = await runTool('ingest');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^added 1, updated 0, unchanged 0, removed 0, failed 2, ignored 0; 21 passages\n/);
    expect(stdout).toContain(`failed: ${join(directory, 'knowledge', 'a.md')}: symbolic link loop`);
  });

  it('names the hidden files and other file types it did not read', async () => {
    for (const name of ['page.html', 'README', '.draft.txt'])
      writeFileSync(join(directory, 'knowledge', name), 'x');
    const { code, stdout } = await runTool('ingest');
    expect(code).toBe(0);
    expect(stdout).toMatch(/ignored 3; /);
    expect(stdout).toContain(
      '  ignored: .draft.txt (hidden), README (no extension: not .txt, .md or .markdown), page.html (.html: not .txt, .md or .markdown)\n',
    );
  });

  it('exits 1 with one line instead of hanging when DATABASE_PATH is under /proc', async () => {
    const { code, stderr } = await runTool('ingest', [], { DATABASE_PATH: '/proc/newsdesk-x/db.sqlite' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^newsdesk: cannot create the folder \/proc\/newsdesk-x for the database/),
    ]);
  });

  it('exits 1 saying how to rebuild when the database file is not a database', async () => {
    writeFileSync(join(directory, 'newsdesk.sqlite'), 'Not a database. '.repeat(300));
    const { code, stderr } = await runTool('ingest');
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(damaged);
  });

  it('exits 1 instead of reporting success when a page of the database is corrupt', async () => {
    expect((await runTool('ingest')).code).toBe(0);
    corruptTable(join(directory, 'newsdesk.sqlite'), 'conversations');
    const { code, stdout, stderr } = await runTool('ingest');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(damaged);
  });

  it('makes ask say how to rebuild, not "unexpected error", when the passages are corrupt', async () => {
    expect((await runTool('ingest')).code).toBe(0);
    corruptTable(join(directory, 'newsdesk.sqlite'), 'passages');
    const { code, stderr } = await runTool('ask', ['Where are the talks being held?']);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(damaged);
  });
});
