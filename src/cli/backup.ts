import { existsSync } from 'node:fs';
import { openCommandLineContext, runCommandLine, UsageError } from './runCommandLine.js';

const usage = 'usage: npm run backup -- <file.sqlite>';

/**
 * `npm run backup -- FILE`: copies the database to FILE with SQLite's online backup (better-sqlite3's
 * `backup`), consistent even while the bot is running and writing. The copy is what `knowledge/`
 * cannot rebuild: conversations, the digest ledger (which day each channel got its digest), digest
 * settings and the language-model call counts. Refuses to overwrite an existing file.
 */
runCommandLine(async () => {
  const [file, ...rest] = process.argv.slice(2);
  if (file === '--help' || file === '-h') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!file || file.startsWith('-') || rest.length > 0) throw new UsageError(usage);
  if (existsSync(file)) throw new UsageError(`${file} already exists; choose a new file name`);
  const context = openCommandLineContext();
  try {
    const { totalPages } = await context.database.backup(file);
    process.stdout.write(`backed up ${context.config.DATABASE_PATH} to ${file} (${totalPages} pages)\n`);
    return 0;
  } finally {
    context.database.close();
  }
});
