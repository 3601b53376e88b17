import type { CoreContext } from '../context.js';
import { listFeeds } from '../storage/feeds.js';
import { pollFeeds } from './pollFeeds.js';

/** The bot's feed clock. */
export interface FeedPolling {
  /** Stops the clock and waits up to `graceMs` milliseconds for a poll in progress to stop between items. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Polls every feed once at start, then one due feed at a time, every FEED_POLL_MINUTES divided by
 * the number of feeds: each feed is polled about once an interval, and never all at the same
 * moment. Rounds never overlap in this process; the `feed_poll` lease keeps other processes (a
 * second shard or bot) from polling at the same time. Never rejects: a failed round is logged.
 */
export function startFeedPolling(context: CoreContext): FeedPolling {
  const { logger, config } = context;
  const intervalMs = config.FEED_POLL_MINUTES * 60_000;
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const round = (which: 'all' | 'due'): Promise<void> => {
    running ??= pollFeeds(context, { which, signal: controller.signal, ...(which === 'due' && { limit: 1 }) })
      .then(
        (result) => {
          if (result.busy) logger.debug('feeds are being polled by another process');
        },
        (error: unknown) => logger.error({ err: error }, 'feed poll failed'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const scheduleNext = (): void => {
    if (controller.signal.aborted) return;
    let feeds = 1;
    try {
      feeds = Math.max(1, listFeeds(context.database).length);
    } catch (error) {
      logger.warn({ err: error }, 'cannot count the feeds; polling at the full interval');
    }
    timer = setTimeout(() => void round('due').then(scheduleNext), intervalMs / feeds);
    timer.unref();
  };

  void round('all').then(scheduleNext);
  return {
    async stop(graceMs) {
      controller.abort();
      clearTimeout(timer);
      if (!running) return;
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, graceMs);
      });
      await Promise.race([running, grace]);
      clearTimeout(graceTimer);
    },
  };
}
