import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/config.js';
import type { BotContext } from '../../src/discord/command.js';
import { type RunningBot, type StartBotOptions, startBot } from '../../src/discord/startBot.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { createLogger } from '../../src/logger.js';
import { openDatabase } from '../../src/storage/database.js';
import { type FakeDiscord, startFakeDiscord } from './fakeDiscord.js';

/** The repository's own `knowledge/`, copied for each test so none writes to it. */
export const seedKnowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));

export interface TestBot {
  fake: FakeDiscord;
  bot: RunningBot;
  context: BotContext;
  /** The temporary folder holding this test's knowledge copy and database. */
  directory: string;
  /** Every log line the bot wrote, parsed. */
  logLines: Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Runs the real bot (discord.js client, router, commands, core) against a fresh fake Discord, with a
 * temporary database ingested from a temporary copy of `knowledge/`.
 *
 * @param settings extra configuration variables, e.g. `{ DISCORD_MESSAGE_CONTENT: 'true' }`.
 */
export async function startTestBot(
  options: StartBotOptions = {},
  settings: Record<string, string> = {},
): Promise<TestBot> {
  const directory = await mkdtemp(join(tmpdir(), 'newsdesk-discord-'));
  const knowledgeDir = join(directory, 'knowledge');
  await cp(seedKnowledgeDir, knowledgeDir, { recursive: true });
  const fake = await startFakeDiscord();
  const config = loadConfig({
    KNOWLEDGE_DIR: knowledgeDir,
    DATABASE_PATH: join(directory, 'newsdesk.sqlite'),
    DISCORD_TOKEN: 'fake-token-for-tests',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    ...settings,
  });
  const logLines: Record<string, unknown>[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logLines.push(JSON.parse(line)) });
  const database = openDatabase(config.DATABASE_PATH);
  const context: BotContext = { config, database, logger, composer: 'extractive' };
  await ingestKnowledge(context);
  const bot = await startBot(context, options);
  return {
    fake,
    bot,
    context,
    directory,
    logLines,
    async stop() {
      await bot.stop(1000);
      database.close();
      await fake.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
