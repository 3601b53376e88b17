import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommandLineTool } from '../support/runCommandLineTool.js';

const directory = mkdtempSync(join(tmpdir(), 'newsdesk-cli-timeline-'));
const knowledgeDir = join(directory, 'knowledge');
mkdirSync(knowledgeDir);
for (const name of [
  '003_minister-rejects-back-to-work-law.txt',
  '004_talks-moved-to-port-halvard.txt',
  '005_talks-moved-to-port-halvard-courier.txt',
  '006_first-round-no-deal.txt',
]) {
  cpSync(join('test/fixtures/story-dev/articles', name), join(knowledgeDir, name));
}
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs `npm run timeline` as a user would, on a temporary database; returns exit code and output. */
function timeline(args: string[]) {
  return runCommandLineTool('timeline', args, {
    DATABASE_PATH: join(directory, 'cli.sqlite'),
    KNOWLEDGE_DIR: knowledgeDir,
  });
}

describe('timeline command line', () => {
  it('prints one dated, cited line per story, republications once, then the numbered sources', async () => {
    const { code, stdout } = await timeline(['--since', '2025-10-09']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      'Timeline: 2 developments published since 2025-10-09, oldest first (newest last). Newest article: 2025-10-12.',
    );
    expect(lines.filter((line) => / · .*: «.*» \[\d\]$/.test(line))).toEqual([
      expect.stringMatching(
        /^9 October · Coastal Wire, The Midland Courier: «PORT HALVARD \(Coastal Wire\) — Mediated talks .*» \[1\]$/,
      ),
      expect.stringMatching(
        /^12 October · The Harbour Gazette: «The first round of mediated talks .*» \[2\]$/,
      ),
    ]);
    expect(stdout).toMatch(
      /\nSources\n\[1\] The Seafarers' Hall .* — Coastal Wire, The Midland Courier, 2025-10-09\n\[2\] /,
    );
  });

  it('prints one object with the window and the entries oldest first when run with --json', async () => {
    const { code, stdout } = await timeline(['--until', '2025-10-10', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ until: '2025-10-10', newest: '2025-10-12', omitted: 0 });
    expect(result.entries.map((entry: { date: string }) => entry.date)).toEqual(['2025-10-08', '2025-10-09']);
    expect(result.entries[1]).toMatchObject({
      articleIds: ['004_talks-moved-to-port-halvard', '005_talks-moved-to-port-halvard-courier'],
      outlets: ['Coastal Wire', 'The Midland Courier'],
      point: { articleId: '004_talks-moved-to-port-halvard', passageId: expect.any(String) },
    });
  });

  it('exits 2 with one usage line for a bad date, a missing date or an unknown option', async () => {
    for (const args of [
      ['--since', '2025-02-30'],
      ['--until'],
      ['--from', '2025-10-01'],
      ['--since', '2025-10-12', '--until', '2025-10-01'],
    ]) {
      const { code, stdout, stderr } = await timeline(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^newsdesk: .*; usage: npm run timeline -- \[--since YYYY-MM-DD\].*\n$/);
    }
  });
});
