import type { FeedRecord } from '../storage/feeds.js';
import type { FeedPollReport } from './feedPollReport.js';

/**
 * One line of counts for a feed's poll, in the words `feeds poll` and `/feeds poll` share:
 * "added 2, updated 0, off the story 1, already stored 0, unchanged 3, failed 0"; a feed that could
 * not be read is its error instead ("failed: 403 Forbidden: the site blocks automated readers").
 */
export function describeFeedPoll(report: FeedPollReport): string {
  if (report.error !== null && report.status !== '200') return `failed: ${report.error}`;
  if (report.status === '304') return 'not modified since the last poll';
  return [
    `added ${report.added.length}`,
    `updated ${report.updated.length}`,
    `off the story ${report.offStory}`,
    `already stored ${report.alreadyStored}`,
    `unchanged ${report.unchanged}`,
    `failed ${report.failed.length}`,
    ...(report.leftForLater > 0 ? [`left for the next poll ${report.leftForLater}`] : []),
  ].join(', ');
}

/**
 * A feed's last poll in plain words: "never polled yet" (with why the check on adding it failed, if
 * it did), "200 at 2026-12-01T10:00:00.000Z", or the status with its error ("timeout at …: timed out
 * after 15 s").
 */
export function describeLastPoll(feed: FeedRecord): string {
  if (feed.lastPolledAt === null)
    return feed.lastError === null
      ? 'never polled yet'
      : `not polled yet; the check when it was added failed: ${feed.lastError}`;
  const error = feed.lastError === null ? '' : `: ${feed.lastError}`;
  return `${feed.lastStatus ?? '?'} at ${feed.lastPolledAt}${error}`;
}
