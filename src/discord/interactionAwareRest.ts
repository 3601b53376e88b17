import {
  DefaultRestOptions,
  type InternalRequest,
  REST,
  RESTEvents,
  type RESTOptions,
  type ResponseLike,
} from 'discord.js';

type MakeRequest = RESTOptions['makeRequest'];

// Whether a request body asks Discord to deduplicate by nonce: a channel message sent again with the
// same nonce and `enforce_nonce` within a few minutes returns the message already created.
// discord.com/developers/docs/resources/message#create-message-jsonform-params
function enforcesNonce(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const parsed = JSON.parse(body) as { nonce?: unknown; enforce_nonce?: unknown };
    return parsed.enforce_nonce === true && typeof parsed.nonce === 'string';
  } catch {
    return false;
  }
}

// Requests that are safe to send again when their connection dropped: a read, an edit of a message
// to the same content is idempotent, a second interaction callback is refused (40060, see deferReply), and a
// channel message carrying a nonce with `enforce_nonce` is not created twice.
function isSafeToResend(url: string, init: Parameters<MakeRequest>[1]): boolean {
  const { pathname } = new URL(url);
  if (init.method === 'GET') return true;
  if (init.method === 'PATCH') return /\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(pathname);
  if (init.method !== 'POST') return false;
  if (/\/channels\/\d+\/messages$/.test(pathname)) return enforcesNonce(init.body);
  return /\/interactions\/\d+\/[^/]+\/callback$/.test(pathname);
}

/**
 * Wraps a REST transport so a dropped connection (undici's "other side closed") on a request that is
 * safe to resend surfaces as `ECONNRESET`, which @discordjs/rest resends itself (up to its `retries`,
 * 3 by default); every other request and error is left exactly as the transport gave it.
 */
export function resendWhereSafe(makeRequest: MakeRequest): MakeRequest {
  return async (url, init) => {
    try {
      return await makeRequest(url, init);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'UND_ERR_SOCKET' || !isSafeToResend(url, init)) throw error;
      throw Object.assign(new Error(`connection lost: ${(error as Error).message}`, { cause: error }), {
        code: 'ECONNRESET',
      });
    }
  };
}

// An interaction's own endpoints (its callback, and its webhook's follow-ups and edits, sent without
// the bot token) are not bound to the bot's global rate limit: discord.com/developers/docs/topics/rate-limits#global-rate-limit
function isInteractionEndpoint(request: InternalRequest): boolean {
  return request.auth === false && /^\/(webhooks|interactions)\//.test(request.fullRoute);
}

/**
 * discord.js's REST manager with interaction endpoints sent through a second manager that has no
 * client-side global limit. discord.js queues every request but interaction callbacks behind one
 * limiter of `globalRequestsPerSecond` (50 by default, the bot's global limit), so under load the
 * final edits of answers waited their turn for a limit Discord does not apply to them. Per-route
 * buckets and Discord's 429s still hold on both managers. The second manager's `response`,
 * `rateLimited` and `debug` events are re-emitted here, so listeners see both.
 */
export class InteractionAwareRest extends REST {
  readonly #interactions: REST;

  constructor(options: Partial<RESTOptions> = {}) {
    const withTransport = {
      ...options,
      makeRequest: resendWhereSafe(options.makeRequest ?? DefaultRestOptions.makeRequest),
    };
    super(withTransport);
    this.#interactions = new REST({ ...withTransport, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
    this.#interactions.on(RESTEvents.Response, (...args) => this.emit(RESTEvents.Response, ...args));
    this.#interactions.on(RESTEvents.RateLimited, (...args) => this.emit(RESTEvents.RateLimited, ...args));
    this.#interactions.on(RESTEvents.Debug, (...args) => this.emit(RESTEvents.Debug, ...args));
  }

  override queueRequest(request: InternalRequest): Promise<ResponseLike> {
    return isInteractionEndpoint(request)
      ? this.#interactions.queueRequest(request)
      : super.queueRequest(request);
  }

  override clearHashSweeper(): void {
    super.clearHashSweeper();
    this.#interactions.clearHashSweeper();
  }

  override clearHandlerSweeper(): void {
    super.clearHandlerSweeper();
    this.#interactions.clearHandlerSweeper();
  }
}
