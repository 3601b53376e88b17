import type { NewsdeskDatabase } from '../storage/database.js';
import { groupStories, type StoryGroup } from './groupStories.js';
import { type KeyPoint, pickKeyPoints } from './pickKeyPoints.js';
import { selectDigestArticles } from './selectDigestArticles.js';

/** The stretch of ingest time a digest covers: ISO date-times, `from` exclusive, `to` inclusive. */
export interface DigestWindow {
  from: string;
  to: string;
}

/** One story in a digest: an article, or several outlets' copies of the same text. */
export interface DigestItem {
  /** Every article of the group, the one the points are quoted from first. */
  articleIds: string[];
  title: string;
  /** Distinct outlets that published it, in group order; empty when no file names its outlet. */
  outlets: string[];
  /** The earliest publication date in the group (ISO), `null` when none is known. */
  published: string | null;
  url?: string;
  points: KeyPoint[];
  /**
   * Present only when a language model is configured (`composeDigest`): `openai` when the model
   * wrote the points, `extractive` when they are quoted because it could not (`fallbackReason` says why).
   */
  composer?: 'openai' | 'extractive';
  fallbackReason?: string;
}

/** What a digest says, before any rendering: the Discord adapter and the CLI both render this. */
export interface Digest {
  window: DigestWindow;
  /** Newest publication first, undated last. */
  items: DigestItem[];
}

function toItem(story: StoryGroup): DigestItem {
  const [lead] = story.articles;
  return {
    articleIds: story.articles.map(({ id }) => id),
    title: lead.title,
    outlets: story.outlets,
    // Articles arrive oldest first, so the lead's date is the group's earliest.
    published: lead.published,
    ...(story.url ? { url: story.url } : {}),
    points: pickKeyPoints(story.passages),
  };
}

/** A digest item and the story it was made from, whose passages its points cite. */
export interface DigestStory {
  item: DigestItem;
  story: StoryGroup;
}

/**
 * The stories of one window's digest, in digest order (newest publication first, undated last): the
 * articles `selectDigestArticles` picks, near-duplicates merged into one item listing every outlet
 * (the earliest-published copy is quoted), 1–3 extractive key points each. Reads the database only.
 *
 * @param options.backfillDays articles published more than this many days before `window.from` are left out.
 */
export function selectDigestStories(
  database: NewsdeskDatabase,
  window: DigestWindow,
  options: { backfillDays: number },
): DigestStory[] {
  const articles = selectDigestArticles(database, window, options.backfillDays);
  const stories = groupStories(database, articles).map((story) => ({ item: toItem(story), story }));
  stories.sort(
    ({ item: a }, { item: b }) =>
      Number(a.published === null) - Number(b.published === null) ||
      (b.published ?? '').localeCompare(a.published ?? '') ||
      a.title.localeCompare(b.title),
  );
  return stories;
}

/**
 * Builds the digest of one window offline, deterministically: the items of `selectDigestStories`,
 * with their extractive key points. Reads the database only.
 *
 * @param options.backfillDays articles published more than this many days before `window.from` are left out.
 */
export function buildDigest(
  database: NewsdeskDatabase,
  window: DigestWindow,
  options: { backfillDays: number },
): Digest {
  return { window, items: selectDigestStories(database, window, options).map(({ item }) => item) };
}
