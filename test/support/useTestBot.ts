import { afterEach, beforeEach } from 'vitest';
import type { StartBotOptions } from '../../src/discord/startBot.js';
import { expectNoMentionsAllowed } from './expectNoMentions.js';
import { startTestBot, type TestBot } from './startTestBot.js';

/**
 * Starts a test bot before each test of the enclosing `describe` and stops it after, first checking
 * that every message it sent disabled mentions. `settings` are extra configuration variables.
 *
 * @returns the current test's bot.
 */
export function useTestBot(
  options: StartBotOptions = {},
  settings: Record<string, string> = {},
): () => TestBot {
  let testBot: TestBot | undefined;
  beforeEach(async () => {
    testBot = await startTestBot(options, settings);
  });
  afterEach(async () => {
    if (!testBot) return;
    expectNoMentionsAllowed(testBot.fake);
    await testBot.stop();
    testBot = undefined;
  });
  return () => {
    if (!testBot) throw new Error('useTestBot: the bot exists only while a test runs');
    return testBot;
  };
}
