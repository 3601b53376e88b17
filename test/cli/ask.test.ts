import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommandLineTool } from '../support/runCommandLineTool.js';

const directory = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs `npm run ask` as a user would, on a temporary database; returns exit code and output. */
function ask(args: string[], env: Record<string, string> = {}) {
  return runCommandLineTool('ask', args, {
    DATABASE_PATH: join(directory, 'cli.sqlite'),
    KNOWLEDGE_DIR: 'knowledge',
    ...env,
  });
}

describe('ask command line', () => {
  it('prints one JSON object with a cited answer when called with --json', async () => {
    const { code, stdout } = await ask(['--json', 'Where are the talks being held?']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({
      question: 'Where are the talks being held?',
      abstained: false,
      composer: 'extractive',
    });
    expect(answer.answer).toMatch(/Muscat/);
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      articleId: '000_5a94281ece3b6005',
      title: expect.any(String),
    });
    expect(Object.keys(answer.timingsMs)).toEqual(['retrieve', 'compose', 'total']);
    expect(answer.retrieval[0]).toMatchObject({ passageId: expect.any(String), score: expect.any(Number) });
  });

  it('exits 0 without a stack trace when the reader of its output has gone (EPIPE, as with | head -c1)', async () => {
    const child = spawn('node_modules/.bin/tsx', ['src/cli/ask.ts', '--json', 'Where are the talks?'], {
      env: { ...process.env, DATABASE_PATH: join(directory, 'cli.sqlite'), KNOWLEDGE_DIR: 'knowledge' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  // A 30 s bound: SQLite's busy timeout (5 s, twice) comes on top of the tool's start.
  it('answers while another process holds the database, saying the answer is not remembered', async () => {
    const databasePath = join(directory, 'held.sqlite');
    expect((await ask(['Where are the talks?'], { DATABASE_PATH: databasePath })).code).toBe(0);
    const other = new Database(databasePath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const { code, stdout, stderr } = await ask(['Where are the talks?'], { DATABASE_PATH: databasePath });
      expect(code).toBe(0);
      expect(stdout).toMatch(/«[^»]+» \[1\]/);
      expect(stdout).toMatch(
        /\(The database was busy \(another process held it\), so this answer is not remembered/,
      );
      expect(stderr).not.toMatch(/unexpected error/);
    } finally {
      other.close();
    }
  }, 30_000);

  it('prints the answer and its numbered sources for a person', async () => {
    const { code, stdout } = await ask(['What', 'are', "Trump's", 'three', 'demands?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[1\]/);
    expect(stdout).toMatch(/Sources\n\[1\] .+ — The New York Times, 2026-02-06/);
  });

  it('continues a conversation with --conversation and reports its standalone query', async () => {
    const first = await ask(['--json', '--conversation', 'cli-test', 'Where were the talks first planned?']);
    // An id no conversation has yet starts one, and says so: a mistyped id would lose the context.
    expect(first.stderr).toMatch(
      /^newsdesk: no conversation "cli-test" is remembered .*starts it afresh\.\n$/,
    );
    const { code, stdout, stderr } = await ask([
      '--json',
      '--conversation',
      'cli-test',
      'Why did that plan fall through?',
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ conversationId: 'cli-test', abstained: false });
    expect(answer.answer).toMatch(/backed out/);
    expect(answer.standaloneQuery).toMatch(/^Why did that plan fall through\? \(context: /);
    expect(stderr).not.toMatch(/no conversation/);
  });

  it('exits non-zero with one line and no stack trace for an empty question', async () => {
    const { code, stderr } = await ask(['   ']);
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits non-zero with one line when the knowledge folder does not exist', async () => {
    const { code, stderr } = await ask(['Where?'], { KNOWLEDGE_DIR: join(directory, 'missing') });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/missing/);
  });

  it('reads a question starting with "-" as the question, not as options', async () => {
    for (const [args, question] of [
      [['--json', '-hello where are the talks being held?'], '-hello where are the talks being held?'],
      [['--json', '-5', 'Where are the talks being held?'], '-5 Where are the talks being held?'],
      [['--json', '--', '--help', 'where are the talks?'], '--help where are the talks?'],
    ] as const) {
      const { code, stdout, stderr } = await ask([...args]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(stdout).question).toBe(question);
    }
  });

  it('exits 2 naming an unknown option exactly as typed', async () => {
    const { code, stderr } = await ask(['--jsno', 'Where are the talks?']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^newsdesk: unknown option --jsno; usage: npm run ask/);
  });

  it('exits 2 without printing JSON for --json=false, and for an empty, long or control-character conversation id', async () => {
    const runs = await Promise.all(
      [
        ['--json=false', 'Where?'],
        ['--conversation', '', 'Where?'],
        ['--conversation=', 'Where?'],
        ['Where?', '--conversation'],
        [`--conversation=${'x'.repeat(201)}`, 'Where?'],
        ['--conversation', 'a\u0007b', 'Where?'],
      ].map((args) => ask(args)),
    );
    for (const { code, stdout, stderr } of runs) {
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^newsdesk: .*--(json|conversation).*usage: npm run ask/);
    }
  });

  it('accepts exactly 1,000 characters and exits 2 saying "at most 1,000" for 1,001', async () => {
    const accepted = await ask(['--json', `Where are the talks? ${'x'.repeat(979)}`]);
    expect(accepted.code).toBe(0);
    const refused = await ask([`Where are the talks? ${'x'.repeat(980)}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'newsdesk: Please keep questions to at most 1,000 characters (this one has 1,001).\n',
    );
  });

  it('says a --today that is no day of the calendar is that, not that it lacks the YYYY-MM-DD form', async () => {
    const refused = await ask(['--today', '2026-02-30', 'where are the talks?']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^newsdesk: --today 2026-02-30 is no day of the calendar; usage: npm run ask/,
    );
  });

  it('refuses a 100,000-character question with the same message, not an out-of-memory crash', async () => {
    const refused = await ask(['a'.repeat(100_000)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'newsdesk: Please keep questions to at most 1,000 characters (this one has 100,000).\n',
    );
  });

  it('prints one plain line, no JSON logs, when the knowledge refresh skipped files', async () => {
    const knowledge = join(directory, 'broken-knowledge');
    cpSync('knowledge', knowledge, { recursive: true });
    writeFileSync(join(knowledge, 'empty.txt'), '');
    writeFileSync(join(knowledge, 'bad.md'), '---\ntitle: [unclosed\n---\nbody\n');
    const { code, stdout, stderr } = await ask(['Where are the talks being held?'], {
      KNOWLEDGE_DIR: knowledge,
      DATABASE_PATH: join(directory, 'broken.sqlite'),
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Muscat/);
    expect(stderr).toBe('newsdesk: 2 knowledge files could not be read; run `npm run ingest` for details\n');
  });
});
