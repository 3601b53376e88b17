import { errors } from 'undici';
import { FeedError } from './feedError.js';

/**
 * A failed request in an admin's words: a FeedError as it is; a time-out (the whole request's, or
 * undici's headers, body or connect time-outs) as `timeout`; a name that does not resolve or a
 * refused connection as `network`, with what to check.
 *
 * @param timedOut whether the request's own time limit fired.
 * @param seconds the time limit as shown ("15 s").
 */
export function toFeedError(error: unknown, timedOut: boolean, seconds: string): FeedError {
  if (error instanceof FeedError) return error;
  if (timedOut || error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError)
    return new FeedError('timeout', `timed out after ${seconds}`, { cause: error });
  if (error instanceof errors.ConnectTimeoutError)
    return new FeedError('timeout', 'timed out connecting to the site', { cause: error });
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new FeedError('network', "the site's name does not resolve; check the URL", { cause: error });
  if (code === 'ECONNREFUSED')
    return new FeedError('network', 'the site refused the connection', { cause: error });
  return new FeedError('network', `could not reach the site: ${message}`, { cause: error });
}
