import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a command-line tool did: its exit code and everything it printed. */
export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of our command-line tools (`src/cli/<tool>.ts`) with tsx, as `npm run <tool>` does, with
 * `env` on top of this process's environment (tests pass temporary DATABASE_PATH and KNOWLEDGE_DIR).
 * A non-zero exit is returned, not thrown, so tests can assert on it; 30 s at most.
 */
export async function runCommandLineTool(
  tool: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<ToolRun> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `src/cli/${tool}.ts`, ...args], {
      env: { ...process.env, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}
