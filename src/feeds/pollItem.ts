import { hash } from 'node:crypto';
import type { CoreContext } from '../context.js';
import type { FeedRecord } from '../storage/feeds.js';
import { canonicalizeUrl } from './canonicalizeUrl.js';
import type { FeedItem } from './feedDocument.js';
import type { FeedPollReport, PollTools } from './feedPollReport.js';
import { matchesStory, parseKeywords } from './matchesStory.js';
import { readItemArticle } from './readItemArticle.js';
import { type FeedItemSighting, recordFeedItem, storeWebArticle } from './storeWebArticle.js';

/** Where an item is known by: its canonical link, else its GUID; `null` when it has neither. */
function itemKeyOf(item: FeedItem): string | null {
  const url = item.url === null ? null : canonicalizeUrl(item.url);
  if (url !== null) return url;
  return item.guid === null || item.guid.trim() === '' ? null : `guid:${item.guid.trim()}`;
}

function fingerprintOf(item: FeedItem): string {
  const { title, summary, content, published, updated, url } = item;
  return hash('sha256', JSON.stringify([title, summary, content, published, updated, url]), 'hex');
}

/**
 * Takes one item of a feed: skips it when seen before unchanged (same fingerprint) or stored already
 * from another feed, else reads its article (`readItemArticle`), filters it by the story's keywords
 * and stores it (`storeWebArticle`), counting what happened in `report`. Each outcome is recorded in
 * `feed_items`, committed on its own.
 *
 * @throws SQLite's errors; an item's own problems go to `report.failed`.
 */
export async function pollItem(
  context: CoreContext,
  feed: FeedRecord,
  feedTitle: string | null,
  item: FeedItem,
  tools: PollTools,
  report: FeedPollReport,
): Promise<void> {
  const { database } = context;
  const now = new Date().toISOString();
  const itemKey = itemKeyOf(item);
  const label = item.title ?? item.url ?? item.guid ?? '(untitled item)';
  if (itemKey === null) {
    report.failed.push({ item: label, problem: 'the item has no link and no id', retry: false });
    return;
  }
  const sighting: FeedItemSighting = { feedUrl: feed.url, itemKey, fingerprint: fingerprintOf(item) };
  const prior = database
    .prepare('SELECT fingerprint, state FROM feed_items WHERE feed_url = ? AND item_key = ?')
    .get(feed.url, itemKey) as { fingerprint: string; state: string } | undefined;
  if (prior && prior.fingerprint === sighting.fingerprint && prior.state !== 'failed') {
    report.unchanged += 1;
    return;
  }
  if (!prior) {
    const elsewhere = database
      .prepare(
        "SELECT article_id FROM feed_items WHERE item_key = ? AND state = 'stored' AND article_id IS NOT NULL",
      )
      .pluck()
      .get(itemKey) as string | undefined;
    if (elsewhere !== undefined) {
      recordFeedItem(database, sighting, { state: 'stored', articleId: elsewhere, problem: null }, now);
      report.alreadyStored += 1;
      return;
    }
  }
  const article = await readItemArticle(item, tools);
  if ('problem' in article) {
    recordFeedItem(database, sighting, { state: 'failed', articleId: null, problem: article.problem }, now);
    report.failed.push({ item: label, problem: article.problem, retry: article.retry });
    return;
  }
  const keywords = feed.keywords.length > 0 ? feed.keywords : parseKeywords(context.config.STORY_KEYWORDS);
  if (!matchesStory(keywords, [item.title, item.summary, article.title, article.paragraphs.join('\n')])) {
    recordFeedItem(database, sighting, { state: 'skipped', articleId: null, problem: 'off the story' }, now);
    report.offStory += 1;
    return;
  }
  const identity = (article.canonicalUrl && canonicalizeUrl(article.canonicalUrl)) ?? itemKey;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const outcome = storeWebArticle(
    database,
    {
      identity,
      url: identity.startsWith('guid:') ? item.url : identity,
      title: article.title,
      source: article.outlet ?? feedTitle,
      // A date after tomorrow is a typo that would top every "latest" list; the item stays undated.
      published: article.published !== null && article.published <= tomorrow ? article.published : null,
      author: article.author,
      paragraphs: article.paragraphs,
    },
    sighting,
    now,
  );
  if (outcome === 'added') report.added.push(article.title);
  else if (outcome === 'updated') report.updated.push(article.title);
  else report.unchanged += 1;
}
