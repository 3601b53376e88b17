import { NewsdeskError } from '../errors.js';

/**
 * A feed or page that could not be fetched or read. `code` is what `feeds list` shows as the last
 * status: the HTTP status (`'403'`, `'429'`) or a word (`refused`, `timeout`, `too_large`,
 * `not_a_feed`, `not_a_page`, `bad_feed`, `robots`, `network`, `redirects`, `bad_url`, `bad_encoding`). The message is
 * written for a server admin, so it is also the `userMessage`; it never holds a stack or a secret.
 */
export class FeedError extends NewsdeskError {
  /** Milliseconds the site asked us to wait (`Retry-After` on 429/503); `undefined` when it did not say. */
  readonly retryAfterMs: number | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(code, message, { cause: options.cause, userMessage: message });
    this.retryAfterMs = options.retryAfterMs;
  }
}
