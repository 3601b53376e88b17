import { GatewayCloseCodes } from 'discord.js';

/**
 * What an operator must do after each gateway close code Discord says not to reconnect after
 * (discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes,
 * "Reconnect: false"; discord.js gives up on exactly these).
 */
const fatalCloses: ReadonlyMap<number, string> = new Map([
  [
    GatewayCloseCodes.AuthenticationFailed,
    'Discord rejected the token (close code 4004, authentication failed): it was reset or is wrong. Put the current token from the Developer Portal (Bot → Reset Token) in DISCORD_TOKEN and restart.',
  ],
  [
    GatewayCloseCodes.InvalidShard,
    'Discord refused the shard (close code 4010, invalid shard): newsdesk runs one unsharded connection; check that no sharding settings were added.',
  ],
  [
    GatewayCloseCodes.ShardingRequired,
    'Discord requires sharding (close code 4011): the bot is in too many servers for one connection, which newsdesk does not support.',
  ],
  [
    GatewayCloseCodes.InvalidAPIVersion,
    'Discord no longer accepts this gateway version (close code 4012, invalid API version): update discord.js.',
  ],
  [
    GatewayCloseCodes.InvalidIntents,
    'Discord refused the requested intents (close code 4013, invalid intents): update discord.js or report a bug.',
  ],
  [
    GatewayCloseCodes.DisallowedIntents,
    'Discord refused the Message Content intent (close code 4014, disallowed intents): turn it on in the Developer Portal (Bot → Privileged Gateway Intents) or set DISCORD_MESSAGE_CONTENT=false, then restart.',
  ],
]);

/**
 * Explains a gateway close code in an operator's words.
 *
 * @param code the WebSocket close code Discord sent (4000–4014, or 1000-range WebSocket codes).
 * @returns what happened and what to do, for the codes after which discord.js will not reconnect;
 *   `undefined` for every code it recovers from by resuming or reconnecting.
 */
export function describeFatalGatewayClose(code: number): string | undefined {
  return fatalCloses.get(code);
}
