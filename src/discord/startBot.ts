import { type Client, Events } from 'discord.js';
import { commands as allCommands } from '../../commands/index.js';
import { ConfigurationError, NewsdeskError } from '../errors.js';
import { type FeedPolling, startFeedPolling } from '../feeds/startFeedPolling.js';
import { type KnowledgeRefresh, startKnowledgeRefresh } from '../knowledge/startKnowledgeRefresh.js';
import { answerThreadMessage } from './answerThreadMessage.js';
import type { BotContext, Command } from './command.js';
import { componentHandlers } from './components/index.js';
import { createDiscordClient } from './createDiscordClient.js';
import { createInteractionRouter } from './createInteractionRouter.js';
import { describeFatalGatewayClose } from './describeGatewayClose.js';
import { logRateLimits } from './logRateLimits.js';
import { type DigestScheduler, startDigestScheduler } from './startDigestScheduler.js';

/** A logged-in bot. */
export interface RunningBot {
  client: Client;
  /** The periodic re-scan of `knowledge/` (started with the bot). */
  knowledge: KnowledgeRefresh;
  /** The daily digests (started with the bot). */
  digests: DigestScheduler;
  /** The feed polls (started with the bot; see startFeedPolling). */
  feeds: FeedPolling;
  /**
   * Resolves, once and never rejecting, when Discord closed the gateway with a code discord.js does
   * not reconnect after (a reset token, disallowed intents: see `describeFatalGatewayClose`); the
   * error's `code` is `gateway_closed` and its message says what the operator must do. The bot then
   * receives nothing more; its owner should stop it and exit non-zero so a supervisor notices.
   */
  disconnected: Promise<NewsdeskError>;
  /**
   * Stops cleanly: takes no new interactions, lets those in flight finish for up to `graceMs`
   * milliseconds (default 3500, inside the 5-second shutdown budget), answers the rest with an
   * apology, then destroys the client. The knowledge refresh, digest tick and feed polls stop first;
   * a digest being sent and a feed being polled get the same grace. The database stays open: its owner closes it.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface StartBotOptions {
  /** The commands to route; the explicit list in `commands/index.ts` by default. */
  commands?: readonly Command[];
  /** Milliseconds a command may run before the user gets an apology; 60 s by default. */
  interactionTimeoutMs?: number;
}

/**
 * Logs in to Discord with `context.config.DISCORD_TOKEN` and routes slash commands, answer buttons and
 * follow-up modals until stopped; with `DISCORD_MESSAGE_CONTENT`, it also answers plain messages in
 * the threads it started (`answerThreadMessage`).
 *
 * @returns once the client is ready (READY received and the guilds it announced have arrived).
 * @throws ConfigurationError when there is no token; discord.js's error when login fails.
 */
export async function startBot(context: BotContext, options: StartBotOptions = {}): Promise<RunningBot> {
  const token = context.config.DISCORD_TOKEN;
  if (!token) throw new ConfigurationError(['DISCORD_TOKEN: is required to run the bot']);
  const client = createDiscordClient(context.config);
  // One per bot instance: /ask, follow-ups and thread messages must see each other's questions.
  const questionsInFlight = new Set<string>();
  const router = createInteractionRouter(options.commands ?? allCommands, context, {
    timeoutMs: options.interactionTimeoutMs ?? 60_000,
    components: componentHandlers,
    questionsInFlight,
  });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  if (context.config.DISCORD_MESSAGE_CONTENT) {
    client.on(
      Events.MessageCreate,
      (message) => void answerThreadMessage(message, context, questionsInFlight),
    );
  }
  client.on(Events.Error, (error) => context.logger.error({ err: error }, 'discord client error'));
  logRateLimits(client, context.logger);
  const disconnected = new Promise<NewsdeskError>((resolve) =>
    client.on(Events.ShardDisconnect, ({ code }) => {
      const explanation = describeFatalGatewayClose(code);
      if (explanation) resolve(new NewsdeskError('gateway_closed', explanation));
    }),
  );
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  const readyClient = await ready;
  context.logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'bot ready');
  const knowledge = startKnowledgeRefresh(context);
  const digests = startDigestScheduler(readyClient, context, { beforeRun: knowledge.refresh });
  const feeds = startFeedPolling(context);
  return {
    client,
    knowledge,
    digests,
    feeds,
    disconnected,
    async stop(graceMs = 3500) {
      knowledge.stop();
      await Promise.all([digests.stop(graceMs), feeds.stop(graceMs), router.close(graceMs)]);
      await client.destroy();
      context.logger.info('bot stopped');
    },
  };
}
