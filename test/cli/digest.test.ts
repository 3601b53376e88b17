import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corruptTable } from '../support/corruptTable.js';
import { runCommandLineTool } from '../support/runCommandLineTool.js';

const directory = mkdtempSync(join(tmpdir(), 'newsdesk-cli-digest-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs `npm run digest` as a user would, on a temporary database; returns exit code and output. */
function digest(args: string[], databasePath = join(directory, 'cli.sqlite')) {
  return runCommandLineTool('digest', args, { DATABASE_PATH: databasePath, KNOWLEDGE_DIR: 'knowledge' });
}

describe('digest command line', () => {
  it('prints the seed article with cited points as JSON when run with --since 2026-02-01', async () => {
    const { code, stdout } = await digest(['--dry-run', '--since', '2026-02-01', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.window.from).toBe('2026-02-01T00:00:00.000Z');
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      articleIds: ['000_5a94281ece3b6005'],
      outlets: ['The New York Times'],
      published: '2026-02-06',
    });
    expect(result.items[0].points.length).toBeGreaterThanOrEqual(1);
    expect(result.items[0].points[0]).toEqual({
      text: expect.any(String),
      passageId: expect.stringMatching(/^000_5a94281ece3b6005:[0-9a-f]{16}$/),
    });
  });

  it('exits 1 with one line saying how to rebuild when a table it does not read is damaged', async () => {
    const databasePath = join(directory, 'damaged.sqlite');
    expect((await digest(['--dry-run'], databasePath)).code).toBe(0);
    corruptTable(databasePath, 'conversations');
    const { code, stdout, stderr } = await digest(['--dry-run'], databasePath);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(
      /^newsdesk: the database at .+damaged\.sqlite is damaged .+ to rebuild the folder's articles .+\)\n$/,
    );
  });

  it('exits 2 with the usage when --dry-run is missing or the date is malformed', async () => {
    for (const args of [
      ['--since', '2026-02-01'],
      ['--dry-run', '--since', '2026-02-30'],
    ]) {
      const { code, stderr } = await digest(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/usage: npm run digest -- --dry-run/);
    }
  });

  it('exits 2 when --since is after today, so the window would start after it ends', async () => {
    const { code, stdout, stderr } = await digest(['--dry-run', '--since', '2099-01-01']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^newsdesk: --since 2099-01-01 is in the future.*usage: npm run digest/);
  });

  it('says what the window was and suggests --since when the digest is empty', async () => {
    const { code, stdout } = await digest(['--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: 0 item\(s\)\n/);
    expect(stdout).toMatch(
      /^Nothing first ingested from \S+Z to \S+Z is news .*add --since YYYY-MM-DD \(e\.g\. --since 2026-02-01\)\.$/m,
    );
  });
});
