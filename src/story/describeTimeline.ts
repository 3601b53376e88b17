import { formatDay } from '../answer/frameClaims.js';
import type { Timeline } from './buildTimeline.js';

/**
 * A timeline entry's date as a reader scans it: `13 October`, or `13 October 2025` when the timeline spans
 * more than one year (so no two years' dates look alike).
 *
 * @param date `YYYY-MM-DD`.
 */
export function formatEntryDate(date: string, timeline: Timeline): string {
  const years = new Set(timeline.entries.map((entry) => entry.date.slice(0, 4)));
  return formatDay(date, years.size > 1);
}

function describeWindow({ since, until }: Timeline): string {
  if (since && until) return `published from ${since} to ${until}`;
  if (since) return `published since ${since}`;
  if (until) return `published up to ${until}`;
  return 'in the archive';
}

/**
 * One plain sentence or two heading a timeline: how many developments, over which window, in which
 * order (oldest first, newest last), how many older ones the limit left out, and the archive's newest
 * publish date. Our own words only (no article text), safe to show anywhere.
 */
export function describeTimeline(timeline: Timeline): string {
  const newest = timeline.newest ? ` Newest article: ${timeline.newest}.` : ' No article is dated yet.';
  const count = timeline.entries.length;
  if (count === 0) return `No dated article ${describeWindow(timeline)}.${newest}`;
  const developments = count === 1 ? '1 development' : `${count} developments`;
  const omitted = timeline.omitted > 0 ? `; ${timeline.omitted} older left out` : '';
  return `${developments} ${describeWindow(timeline)}, oldest first (newest last)${omitted}.${newest}`;
}
