import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config/config.js';
import { InteractionAwareRest } from './interactionAwareRest.js';
import { noMentions } from './sendPages.js';

/** How long one REST request may take before discord.js gives up on it, in milliseconds. */
const restTimeoutMs = 10_000;

/**
 * Creates the discord.js client (not yet logged in). It asks for the Guilds intent, all slash commands
 * and buttons need; only with `DISCORD_MESSAGE_CONTENT` also for Guild Messages and the privileged
 * Message Content intent, to answer plain messages in the threads it started (the intent must be
 * enabled in the Developer Portal too, or Discord refuses the login). When `DISCORD_API_URL` is set it
 * replaces Discord's REST base (`https://discord.com/api`; discord.js appends `/v10`), for a
 * rate-limit proxy or the tests' fake; the gateway address is then discovered through that base's
 * `GET /gateway/bot`. Mentions are off by default, and `sendPages` sets them off on every message too.
 * Its REST manager is an `InteractionAwareRest`: interaction endpoints skip the client-side global
 * limit, and a callback or an edit whose connection dropped is resent.
 */
export function createDiscordClient(config: Config): Client {
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      ...(config.DISCORD_MESSAGE_CONTENT
        ? [GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]
        : []),
    ],
    allowedMentions: noMentions,
    rest: { timeout: restTimeoutMs, ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) },
  });
  // Replaced before anything is sent; the manager the constructor made only has its sweepers to stop.
  client.rest.clearHashSweeper();
  client.rest.clearHandlerSweeper();
  client.rest = new InteractionAwareRest(client.options.rest);
  return client;
}
