import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

/** Error codes of a connection that failed after the request may have reached Discord. */
const connectionLossCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function* causes(error: unknown): Generator<unknown> {
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth += 1) {
    yield current;
    current = current instanceof Error ? current.cause : undefined;
  }
}

/**
 * Whether a failed REST call's fate is unknown: the connection dropped or timed out (undici's "other
 * side closed", a reset, discord.js's own timeout) after the request may have been sent, so Discord
 * may have carried it out. A status from Discord (`DiscordAPIError`, `HTTPError`) is a known outcome.
 *
 * @param error anything thrown by a discord.js REST call; its `cause` chain is searched too.
 */
export function isDeliveryUnknown(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (!(cause instanceof Error)) continue;
    if (cause.name === 'AbortError') return true;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && connectionLossCodes.has(code)) return true;
  }
  return false;
}

/**
 * Whether Discord refused an interaction callback because the interaction was already acknowledged
 * (JSON error code 40060): a callback sent again after its first try's fate was unknown.
 * discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
 */
export function isAlreadyAcknowledged(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged
  );
}
