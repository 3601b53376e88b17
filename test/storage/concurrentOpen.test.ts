import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const processes = 4;
// Time for every process to start (tsx loads in about a second) before they all open the file.
const startDelayMilliseconds = 4000;
let directory: string | undefined;
afterEach(() => directory && rmSync(directory, { recursive: true, force: true }));

describe('opening a new database from several processes at once', () => {
  it('creates and migrates it once, every process opening it without an error', async () => {
    directory = mkdtempSync(join(tmpdir(), 'newsdesk-concurrent-'));
    const path = join(directory, 'newsdesk.sqlite');
    const at = String(Date.now() + startDelayMilliseconds);
    const outcomes = await Promise.all(
      Array.from({ length: processes }, () =>
        run('npx', ['tsx', 'test/support/openDatabaseAt.ts', path, at], { timeout: 30_000 }).then(
          ({ stdout }) => stdout.trim(),
          (error: { stdout?: string }) => (error.stdout ?? String(error)).trim(),
        ),
      ),
    );
    expect(outcomes).toEqual(Array(processes).fill('opened'));
  });
});
