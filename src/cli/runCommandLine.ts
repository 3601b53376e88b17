import { config as loadDotenv } from 'dotenv';
import { type Config, loadConfig } from '../config/config.js';
import type { CoreContext } from '../context.js';
import { NewsdeskError } from '../errors.js';
import { createLanguageModel } from '../languageModel/createLanguageModel.js';
import { createLogger } from '../logger.js';
import { openDatabase } from '../storage/database.js';

/**
 * Builds the core context for a command-line tool: `.env` loaded, configuration validated, database
 * opened, the language model set up when configured. Logs go to standard error at `warn` unless
 * LOG_LEVEL is set, so standard output holds only the tool's result.
 *
 * @throws ConfigurationError or NewsdeskError (database) — `runCommandLine` prints them as one line.
 */
export function openCommandLineContext(env: NodeJS.ProcessEnv = process.env): CoreContext {
  loadDotenv({ quiet: true });
  const config: Config = loadConfig(env);
  const logger = createLogger(env.LOG_LEVEL ? config.LOG_LEVEL : 'warn');
  const languageModel = createLanguageModel(config, logger);
  return {
    config,
    database: openDatabase(config.DATABASE_PATH),
    logger,
    ...(languageModel && { languageModel }),
  };
}

/**
 * Runs a command-line tool's `main` and exits with its code. Any error becomes one line on standard
 * error and exit code 1 (2 for a usage error): a person never sees a stack trace.
 */
export function runCommandLine(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message =
        error instanceof NewsdeskError
          ? error.message
          : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`newsdesk: ${message}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}

/** A command line the tool cannot make sense of; its message says how to call the tool. */
export class UsageError extends NewsdeskError {
  constructor(message: string) {
    super('usage', message, { userMessage: message });
  }
}
