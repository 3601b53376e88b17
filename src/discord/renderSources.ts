import type { APIEmbed } from 'discord.js';
import type { ArticleSummary } from '../knowledge/article.js';
import { discordLimits } from './discordLimits.js';
import { escapeForDiscord, formatMaskedLink } from './escapeForDiscord.js';
import { formatDate } from './formatDate.js';
import { packEmbeds, type ReplyPage } from './packEmbeds.js';
import { packLines, truncateText } from './splitText.js';

const sourcesColour = 0x2f855a;
/** More than this many lines is a wall nobody reads; past it the reply says how to narrow the list. */
const listedArticles = 50;
const titleLength = 200;
const outletLength = 100;

function renderArticleLine(article: ArticleSummary, position: number): string {
  const title = truncateText(escapeForDiscord(article.title.replace(/\s+/g, ' ').trim()), titleLength);
  const outlet = article.source
    ? truncateText(escapeForDiscord(article.source), outletLength)
    : 'Unknown outlet';
  const heading = formatMaskedLink(title, article.url) ?? `**${title}**`;
  return `${position}. ${heading} — ${outlet} · ${formatDate(article.published)}`;
}

/**
 * Renders the articles newsdesk knows as numbered lines (title linked when there is a URL, outlet,
 * date), in the order given (newest first from `listArticles`), at most 50 of them. Lines are never
 * split; they fill 4096-character embed descriptions, packed into messages by `packEmbeds`.
 *
 * @param query the user's search words, echoed escaped in the title; absent for the full list.
 * @returns at least one page.
 */
export function renderSources(articles: ArticleSummary[], query?: string): ReplyPage[] {
  const title = query
    ? truncateText(
        `Articles matching “${escapeForDiscord(query.replace(/\s+/g, ' ').trim())}”`,
        discordLimits.embedTitle,
      )
    : 'Articles newsdesk knows, newest first';
  if (articles.length === 0) {
    const description = query
      ? 'No article matches those words. Try other words, or `/sources` alone for the full list.'
      : 'No articles yet. Add files to `knowledge/` and run `/reindex`.';
    return [{ embeds: [{ title, color: sourcesColour, description }] }];
  }
  const lines = articles
    .slice(0, listedArticles)
    .map((article, index) => renderArticleLine(article, index + 1));
  if (articles.length > listedArticles) {
    lines.push(`…and ${articles.length - listedArticles} more. Narrow the list with \`/sources query:\`.`);
  }
  const embeds: APIEmbed[] = packLines(lines, discordLimits.embedDescription).map((description, index) => ({
    ...(index === 0 ? { title } : {}),
    color: sourcesColour,
    description,
  }));
  return packEmbeds(embeds);
}
