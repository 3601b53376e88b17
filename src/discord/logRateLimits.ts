import { type Client, RESTEvents } from 'discord.js';
import type { Logger } from '../logger.js';

/**
 * Logs a warning "rate limited by Discord" for every 429 Discord answers (route, method, its
 * `retry-after` in milliseconds, whether the limit was global, its scope), and at debug level every
 * time discord.js holds a request back on its own to stay within a bucket it knows: that wait is the
 * limiter working, not Discord refusing anything (discord.js emits `rateLimited` for those waits
 * only; a 429 shows in its `response` event).
 */
export function logRateLimits(client: Client, logger: Logger): void {
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    const retryAfterSeconds = Number(response.headers.get('retry-after'));
    logger.warn(
      {
        route: request.route,
        method: request.method,
        retryAfterMs: Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : undefined,
        global: response.headers.has('x-ratelimit-global'),
        scope: response.headers.get('x-ratelimit-scope') ?? undefined,
      },
      'rate limited by Discord',
    );
  });
  client.rest.on(RESTEvents.RateLimited, ({ route, method, timeToReset, global }) =>
    logger.debug({ route, method, waitMs: timeToReset, global }, 'waiting for a rate limit to pass'),
  );
}
