import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommandLineTool } from '../support/runCommandLineTool.js';

const directory = mkdtempSync(join(tmpdir(), 'newsdesk-eval-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function evaluate(args: string[]) {
  return runCommandLineTool('eval', args, {
    DATABASE_PATH: join(directory, 'eval.sqlite'),
    KNOWLEDGE_DIR: 'knowledge',
  });
}

describe('eval command line', () => {
  it('prints its usage and exits 0 for --help', async () => {
    const { code, stdout, stderr } = await evaluate(['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^usage: npm run eval/);
  });

  it('exits 2 naming an unknown option, with the usage line', async () => {
    const { code, stderr } = await evaluate(['--bogus', 'questions.jsonl']);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^newsdesk: Unknown option '--bogus'; usage: npm run eval/);
  });

  it('exits 2 naming --knowledge when it is not a folder', async () => {
    const { code, stderr } = await evaluate(['--knowledge', join(directory, 'missing'), 'questions.jsonl']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^newsdesk: --knowledge .*missing is not a folder; usage: npm run eval/);
  });

  it('exits 2 naming the file and line of a malformed question, and what a line holds', async () => {
    const file = join(directory, 'malformed.jsonl');
    writeFileSync(file, '{"id": "a", "question": "Where?"}\n{"id": 3}\n');
    const { code, stdout, stderr } = await evaluate([file]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^newsdesk: .+malformed\.jsonl: line 2: .+; each line is one JSON object/);
  });

  it('reports an item that cannot be asked as that item failing and still runs the rest', async () => {
    const file = join(directory, 'questions.jsonl');
    const items = [
      { id: 'too-long', question: 'why '.repeat(300), answerable: true },
      { id: 'constructor', question: 'What did the constructor say?' },
      {
        id: 'venue',
        question: 'Where are the talks being held?',
        answerable: true,
        must_include: [['Muscat']],
      },
    ];
    writeFileSync(file, items.map((item) => JSON.stringify(item)).join('\n'));
    const { code, stdout, stderr } = await evaluate([file]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^FAILED {2}too-long {2}\(could not be asked: Please keep questions to at most 1,000/m,
    );
    expect(stdout).toMatch(/^PASSED {2}venue/m);
    expect(stdout).toMatch(/2 passed, 1 failed, 0 skipped/);
  });
});
