import type { FeedFetcher } from './createFeedFetcher.js';

/** What one poll of one feed did, item by item, for `feeds poll` and `/feeds poll`. */
export interface FeedPollReport {
  url: string;
  title: string | null;
  /** `'200'`, `'304'` (not modified), `'waiting'` (Retry-After not over) or a FeedError code. */
  status: string;
  /** Why the feed itself failed, in an admin's words; `null` when it was read. */
  error: string | null;
  /** Titles of the articles stored for the first time, and of those whose text changed. */
  added: string[];
  updated: string[];
  /** Items left out: off the story (keywords), or already stored from another feed. */
  offStory: number;
  alreadyStored: number;
  /** Items seen before with nothing changed. */
  unchanged: number;
  /** Items whose article could not be read; tried again at the next poll. */
  /** `retry`: the problem may pass (a timeout, a 5xx, a 429), so the feed is read in full next time. */
  failed: { item: string; problem: string; retry: boolean }[];
  /** Items not looked at because the poll was stopped (the bot stopping, an admin's poll running long). */
  leftForLater: number;
}

/** What a poll of a feed needs besides the context: one fetcher and robots check for the whole poll. */
export interface PollTools {
  fetcher: FeedFetcher;
  assertAllowed(url: string): Promise<void>;
  /** Called after each item, so a long poll keeps its lease. */
  keepAlive(): void;
}
