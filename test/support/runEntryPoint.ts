import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worktree's root, where `package.json`, `node_modules/` and `dist/` are. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface EntryPointRun {
  child: ChildProcess;
  /** Resolves when the process exits, with its code, the signal that ended it and everything it printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

async function spawnInTemporaryFolder(
  command: string,
  args: string[],
  variables: Record<string, string>,
  detached: boolean,
): Promise<EntryPointRun> {
  const cwd = await mkdtemp(join(tmpdir(), 'newsdesk-entry-'));
  const child = spawn(command, args, {
    cwd,
    detached,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...variables },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<Awaited<EntryPointRun['exited']>>((resolve) =>
    child.on('close', (code, signal) => {
      void rm(cwd, { recursive: true, force: true }).then(() => resolve({ code, signal, stdout, stderr }));
    }),
  );
  return { child, exited };
}

/**
 * Runs one of our entry points (`src/index.ts`, `src/cli/deployCommands.ts`) from its TypeScript, in
 * one node process with tsx as its loader (`node --import tsx`), in an empty temporary folder (so no
 * developer `.env` is read) and with only the variables given (so no token from the developer's shell
 * leaks in). Not through the `tsx` command: that wrapper relays a signal to its child and kills it
 * when it does not exit within moments, so a test's SIGTERM would test the wrapper, not the bot.
 * `args` follow the entry point, as after `npm run <tool> --`.
 */
export function runEntryPoint(
  entryPoint: string,
  variables: Record<string, string>,
  args: string[] = [],
): Promise<EntryPointRun> {
  return spawnInTemporaryFolder(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(repositoryRoot, 'node_modules/tsx/dist/loader.mjs')).href,
      join(repositoryRoot, entryPoint),
      ...args,
    ],
    variables,
    false,
  );
}

/**
 * Runs `package.json`'s `start` script (`node … dist/src/index.js`, compiled beforehand by `npm run
 * build`) with this Node and its paths made absolute, like `runEntryPoint` in an empty folder, as the
 * leader of a process group of its own so a test can signal the whole group as systemd, Docker and a
 * terminal's Ctrl-C do. Throws if the script does not start with plain `node`.
 */
export async function runStartScript(variables: Record<string, string>): Promise<EntryPointRun> {
  const manifest = JSON.parse(await readFile(join(repositoryRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [program, ...args] = (manifest.scripts.start ?? '').split(/\s+/);
  if (program !== 'node') throw new Error(`npm start runs ${program}, not plain node`);
  const absolute = args.map((word) =>
    word.startsWith('-') || isAbsolute(word) ? word : join(repositoryRoot, word),
  );
  return spawnInTemporaryFolder(process.execPath, absolute, variables, true);
}
