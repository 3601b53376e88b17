import type { APIEmbed } from 'discord.js';
import { describeFeedPoll, describeLastPoll } from '../feeds/describeFeedPoll.js';
import type { FeedPollReport } from '../feeds/feedPollReport.js';
import type { FeedRecord } from '../storage/feeds.js';
import { discordLimits } from './discordLimits.js';
import { escapeForDiscord } from './escapeForDiscord.js';
import { packEmbeds, type ReplyPage } from './packEmbeds.js';
import { packLines, truncateText } from './splitText.js';

const feedsColour = 0x2f855a;
/** A title or problem longer than this is cut: one broken feed must not push the others off the page. */
const lineLength = 300;

function pack(title: string, lines: string[]): ReplyPage[] {
  const embeds: APIEmbed[] = packLines(lines, discordLimits.embedDescription).map((description, index) => ({
    ...(index === 0 ? { title } : {}),
    color: feedsColour,
    description,
  }));
  return packEmbeds(embeds);
}

function clip(text: string): string {
  return truncateText(escapeForDiscord(text), lineLength);
}

/**
 * Renders `/feeds list`: per feed its title and URL, keywords, articles taken, last poll (status or
 * error in plain words) and who added it where, split within Discord's limits (`discordLimits`).
 *
 * @returns at least one page.
 */
export function renderFeedList(feeds: FeedRecord[]): ReplyPage[] {
  if (feeds.length === 0) return pack('Feeds', ['No feeds are followed yet. Add one with `/feeds add`.']);
  const lines = feeds.flatMap((feed) => [
    `**${clip(feed.title ?? 'Title not read yet')}** · ${clip(feed.url)}`,
    `Keywords: ${feed.keywords.length > 0 ? clip(feed.keywords.join(', ')) : 'the story keywords, else every item'} · ${feed.articles} article(s)`,
    `Last poll: ${clip(describeLastPoll(feed))}`,
    `Added by ${clip(feed.addedBy)} in ${clip(feed.addedIn)}`,
    '',
  ]);
  return pack(`Feeds (${feeds.length})`, lines);
}

/**
 * Renders `/feeds poll`: per feed one line of counts or its error, the titles added or updated and
 * each item that failed with its problem.
 *
 * @returns at least one page.
 */
export function renderFeedPoll(reports: FeedPollReport[]): ReplyPage[] {
  if (reports.length === 0)
    return pack('Feeds polled', ['No feeds are followed yet. Add one with `/feeds add`.']);
  const lines = reports.flatMap((report) => [
    `**${clip(report.title ?? report.url)}**: ${clip(describeFeedPoll(report))}`,
    ...report.added.map((title) => `- added: ${clip(title)}`),
    ...report.updated.map((title) => `- updated: ${clip(title)}`),
    ...report.failed.map(({ item, problem }) => `- failed: ${clip(item)}: ${clip(problem)}`),
  ]);
  if (reports.some((report) => report.leftForLater > 0))
    lines.push(
      '',
      'This poll stopped early to answer in time; the items left come with the scheduled polls.',
    );
  return pack('Feeds polled', lines);
}
