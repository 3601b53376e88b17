import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config/config.js';
import { NewsdeskError } from '../errors.js';
import { openCommandLineContext, runCommandLine, UsageError } from './runCommandLine.js';

const usage = 'usage: npm run backup -- <file.sqlite>';

/**
 * `npm run backup -- FILE`: copies the database to FILE with SQLite's online backup (better-sqlite3's
 * `backup`), consistent even while the bot is running and writing. The copy is what `knowledge/`
 * cannot rebuild: conversations, the digest ledger (which day each channel got its digest), digest
 * settings and the language-model call counts. Refuses to overwrite an existing file, to back up a
 * database that does not exist (a mistyped DATABASE_PATH would otherwise be created empty and "backed
 * up"), and says in one line when FILE's folder is missing or cannot be written.
 */
runCommandLine(async () => {
  const [file, ...rest] = process.argv.slice(2);
  if (file === '--help' || file === '-h') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!file || file.startsWith('-') || rest.length > 0) throw new UsageError(usage);
  if (existsSync(file)) throw new UsageError(`${file} already exists; choose a new file name`);
  if (!existsSync(dirname(file))) throw new UsageError(`the folder ${dirname(file)} does not exist`);
  loadDotenv({ quiet: true });
  const { DATABASE_PATH } = loadConfig();
  if (!existsSync(DATABASE_PATH)) {
    throw new UsageError(`there is no database at ${DATABASE_PATH} (DATABASE_PATH) to back up`);
  }
  const context = openCommandLineContext();
  try {
    const { totalPages } = await context.database.backup(file).catch((error: unknown) => {
      throw new NewsdeskError('backup', `cannot write ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    });
    process.stdout.write(`backed up ${context.config.DATABASE_PATH} to ${file} (${totalPages} pages)\n`);
    return 0;
  } finally {
    context.database.close();
  }
});
