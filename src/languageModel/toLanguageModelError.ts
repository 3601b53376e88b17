import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { LanguageModelError } from '../errors.js';

/**
 * Translates whatever the openai client threw into our `LanguageModelError`, after the client's own
 * retries are spent. The message names the kind of failure (it becomes an answer's `fallbackReason`)
 * and never includes the API key or the request.
 *
 * @param timeoutMs the configured per-request timeout, for the message.
 */
export function toLanguageModelError(error: unknown, timeoutMs: number): LanguageModelError {
  if (error instanceof LanguageModelError) return error;
  const fail = (message: string, retryable: boolean) =>
    new LanguageModelError(message, { cause: error, retryable });
  if (error instanceof APIConnectionTimeoutError) return fail(`timed out after ${timeoutMs} ms`, true);
  if (error instanceof APIConnectionError) return fail('cannot reach the language model server', true);
  if (error instanceof RateLimitError) return fail('rate limited (429)', true);
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return fail(`the server rejected the API key (${error.status})`, false);
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    return fail(`server error (${error.status})`, error.status >= 500);
  }
  // A body that is not JSON at all surfaces from the client as a SyntaxError.
  if (error instanceof SyntaxError) return fail('malformed response: not JSON', false);
  return fail(`request failed: ${error instanceof Error ? error.message : String(error)}`, false);
}
