import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs `npm run ask` as a user would, on a temporary database; returns exit code and output. */
async function ask(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/ask.ts', ...args], {
      env: {
        ...process.env,
        DATABASE_PATH: join(directory, 'cli.sqlite'),
        KNOWLEDGE_DIR: 'knowledge',
        ...env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
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

  it('prints the answer and its numbered sources for a person', async () => {
    const { code, stdout } = await ask(['What', 'are', "Trump's", 'three', 'demands?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[1\]/);
    expect(stdout).toMatch(/Sources\n\[1\] .+ — The New York Times, 2026-02-06/);
  });

  it('continues a conversation with --conversation and reports its standalone query', async () => {
    await ask(['--json', '--conversation', 'cli-test', 'Where were the talks first planned?']);
    const { code, stdout } = await ask([
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
});
