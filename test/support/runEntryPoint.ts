import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface EntryPointRun {
  child: ChildProcess;
  /** Resolves when the process exits, with its code and everything it printed. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/**
 * Runs one of our entry points (`src/index.ts`, `src/cli/deployCommands.ts`) with tsx, as `npm run`
 * does, in an empty temporary folder (so no developer `.env` is read) and with only the variables
 * given (so no token from the developer's shell leaks in).
 */
export async function runEntryPoint(
  entryPoint: string,
  variables: Record<string, string>,
): Promise<EntryPointRun> {
  const cwd = await mkdtemp(join(tmpdir(), 'newsdesk-entry-'));
  const child = spawn(join(repositoryRoot, 'node_modules/.bin/tsx'), [join(repositoryRoot, entryPoint)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...variables },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      void rm(cwd, { recursive: true, force: true }).then(() => resolve({ code, stdout, stderr }));
    }),
  );
  return { child, exited };
}
