import { isIsoDate } from '../knowledge/isIsoDate.js';

/**
 * A publication date as stored for every article, `YYYY-MM-DD`. A text date-time that starts with
 * its date (ISO 8601, RFC 3339: `2026-11-30T23:30:00-05:00`) keeps that date, the outlet's own
 * calendar day, which "on Monday" in the article counts from; any other readable date (RFC 822
 * `pubDate`, a parsed `Date`) gives its UTC day.
 *
 * @returns the date, or `null` when `value` is missing or unreadable.
 */
export function toPublishedDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const leading = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
    if (leading !== undefined) return isIsoDate(leading) ? leading : null;
  }
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
