import { config as loadDotenv } from 'dotenv';
import { type Config, loadConfig } from '../config/config.js';
import type { CoreContext } from '../context.js';
import { NewsdeskError, UserInputError } from '../errors.js';
import { createLanguageModel } from '../languageModel/createLanguageModel.js';
import { createLogger } from '../logger.js';
import { openConfiguredVectorIndex } from '../retrieval/openVectorIndex.js';
import {
  createDatabaseBusyError,
  createDatabaseDamagedError,
  isDatabaseBusy,
  isDatabaseDamage,
  openDatabase,
} from '../storage/database.js';

/**
 * Builds the core context for a command-line tool: `.env` loaded, configuration validated, database
 * opened, the language model set up when configured. Logs go to standard error at `error` unless
 * LOG_LEVEL is set (the tools report what a person needs in plain lines; `LOG_LEVEL=warn` shows the
 * rest), so standard output holds only the tool's result.
 *
 * @throws ConfigurationError or NewsdeskError (database) — `runCommandLine` prints them as one line.
 */
export function openCommandLineContext(env: NodeJS.ProcessEnv = process.env): CoreContext {
  loadDotenv({ quiet: true });
  const config: Config = loadConfig(env);
  const logger = createLogger(env.LOG_LEVEL?.trim() ? config.LOG_LEVEL : 'error');
  const languageModel = createLanguageModel(config, logger);
  const database = openDatabase(config.DATABASE_PATH);
  const vectorIndex = openConfiguredVectorIndex(config, languageModel, logger);
  return {
    config,
    database,
    logger,
    ...(languageModel && { languageModel }),
    ...(vectorIndex && { vectorIndex }),
  };
}

/**
 * Runs a command-line tool's `main` and exits with its code. Any error becomes one line on standard
 * error and exit code 2 when the person's input was wrong (a usage error, or a UserInputError such as
 * an over-long question), 1 for anything else: a person never sees a stack trace. SQLite's report of a
 * damaged database (`SQLITE_CORRUPT*`, `SQLITE_NOTADB`) from any query becomes the line naming
 * DATABASE_PATH and how to rebuild it, not an "unexpected error"; so does a write that waited out the
 * busy timeout while another process held the database (`SQLITE_BUSY*`, `SQLITE_LOCKED*`). When the reader of standard output
 * goes away early (`… | head -c1`: EPIPE), the tool stops quietly with code 0, as `cat` would.
 */
export function runCommandLine(main: () => Promise<number>): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message =
        error instanceof NewsdeskError
          ? error.message
          : isDatabaseDamage(error)
            ? createDatabaseDamagedError(configuredDatabasePath(), (error as Error).message).message
            : isDatabaseBusy(error)
              ? createDatabaseBusyError(configuredDatabasePath(), error, 'try again in a moment').message
              : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`newsdesk: ${message}\n`);
      process.exitCode = error instanceof UsageError || error instanceof UserInputError ? 2 : 1;
    },
  );
}

// SQLite's error does not name the file; the configuration does (it loaded before any query could run).
function configuredDatabasePath(): string {
  try {
    return loadConfig(process.env).DATABASE_PATH;
  } catch {
    return 'DATABASE_PATH';
  }
}

/** A command line the tool cannot make sense of; its message says how to call the tool. */
export class UsageError extends NewsdeskError {
  constructor(message: string) {
    super('usage', message, { userMessage: message });
  }
}
