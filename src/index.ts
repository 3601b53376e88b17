import { config as loadDotenv } from 'dotenv';
import { loadConfig } from './config/config.js';
import { startBot } from './discord/startBot.js';
import { NewsdeskError } from './errors.js';
import { ingestKnowledge } from './knowledge/ingest.js';
import { createLanguageModel } from './languageModel/createLanguageModel.js';
import { createLogger } from './logger.js';
import { openConfiguredVectorIndex } from './retrieval/openVectorIndex.js';
import { openDatabase } from './storage/database.js';

/** SIGINT and SIGTERM must end the process within this many milliseconds, whatever is still running. */
const shutdownDeadlineMs = 5000;
/** Time left to in-flight interactions; the rest of the deadline is for the apology and disconnecting. */
const shutdownGraceMs = 3500;

/** The composition root of `npm start`: configuration, database, fresh knowledge, then the bot. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    console.error(
      'newsdesk: set DISCORD_TOKEN (in .env or the environment) to run the bot; `npm run ask -- "your question"` works offline without it.',
    );
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const database = openDatabase(config.DATABASE_PATH);
  const languageModel = createLanguageModel(config, logger);
  const vectorIndex = openConfiguredVectorIndex(config, languageModel, logger);
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  let stopping = false;
  // Installed before the slow start (ingest, gateway login) so a signal during start-up also ends cleanly.
  // A lost gateway exits 1, so a supervisor restarts the bot or shows the operator why it stopped.
  const shutdown = async (reason: { signal: NodeJS.Signals } | { lost: NewsdeskError }) => {
    if (stopping) return;
    stopping = true;
    if ('lost' in reason) logger.fatal({ code: reason.lost.code }, `newsdesk stops: ${reason.lost.message}`);
    else logger.info({ signal: reason.signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting anyway');
      process.exit(1);
    }, shutdownDeadlineMs).unref();
    await bot?.stop(shutdownGraceMs);
    await vectorIndex?.close();
    database.close();
    process.exit('lost' in reason ? 1 : 0);
  };
  // `on`, not `once`: a signal to the process group reaches this process twice when a wrapper (npm, a
  // shell) relays it too, and a second delivery with no handler left would kill answers in flight.
  process.on('SIGINT', (signal) => void shutdown({ signal }));
  process.on('SIGTERM', (signal) => void shutdown({ signal }));

  const core = {
    config,
    database,
    logger,
    ...(languageModel && { languageModel }),
    ...(vectorIndex && { vectorIndex }),
  };
  // The one ingest at start (it logs its own summary); the bot's refresh then only compares fingerprints.
  try {
    await ingestKnowledge(core);
  } catch (error) {
    // Another ingest holds the database: serve what is stored; the refresh catches up.
    if (!(error instanceof NewsdeskError && error.code === 'database_busy')) throw error;
    logger.warn({ err: error }, 'knowledge ingest at start deferred: the database is busy');
  }
  bot = await startBot({ ...core, composer: languageModel ? 'openai' : 'extractive' });
  void bot.disconnected.then((lost) => shutdown({ lost }));
}

main().catch((error: unknown) => {
  const message =
    error instanceof NewsdeskError ? error.message : `could not start: ${(error as Error)?.message ?? error}`;
  console.error(`newsdesk: ${message}`);
  process.exit(1);
});
