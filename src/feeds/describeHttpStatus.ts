import { STATUS_CODES } from 'node:http';

/** What an admin can do about each refusal a site sends (RFC 9110's meanings, in plain words). */
const advice: Record<number, string> = {
  401: 'the site wants a login; newsdesk only reads public feeds',
  403: 'the site blocks automated readers',
  404: 'nothing at this address; check the URL',
  410: 'the site removed this address for good; remove the feed',
  429: 'the site asks newsdesk to slow down; it waits before trying again',
  451: 'the site withholds this for legal reasons',
  500: 'the site is failing; newsdesk tries again later',
  502: 'the site is failing; newsdesk tries again later',
  503: 'the site is down for now; newsdesk tries again later',
  504: 'the site is failing; newsdesk tries again later',
};

/**
 * A refused response in words: `"403 Forbidden: the site blocks automated readers"`.
 *
 * @param status an HTTP status code (the reason phrase comes from Node's `http.STATUS_CODES`).
 */
export function describeHttpStatus(status: number): string {
  const phrase = STATUS_CODES[status] ?? 'Unexpected status';
  const hint =
    advice[status] ??
    (status >= 500 ? 'the site is failing; newsdesk tries again later' : 'the site refused the request');
  return `${status} ${phrase}: ${hint}`;
}

/**
 * A `Retry-After` value (RFC 9110 §10.2.3: seconds, or an HTTP date) in milliseconds from `now`;
 * `undefined` when absent or unreadable. Never negative.
 */
export function readRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
