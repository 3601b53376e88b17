import type { Answer } from '../answer/answer.js';
import type { ArticleSummary } from '../knowledge/article.js';
import type { KnowledgeStats } from '../storage/articles.js';
import { escapeForDiscord } from './escapeForDiscord.js';
import { formatDate } from './formatDate.js';
import type { ReplyPage } from './packEmbeds.js';
import { truncateText } from './splitText.js';

const aboutColour = 0x4a5568;
const namedOutlets = 5;

const composerDescriptions: Record<Answer['composer'], string> = {
  extractive: 'Extractive: every sentence is quoted from an article; no language model is involved.',
  openai: 'Written by a language model from the retrieved passages, every claim cited.',
};

function describeCoverage(articles: ArticleSummary[]): string {
  if (articles.length === 0) return 'Nothing yet: the knowledge folder has no articles.';
  const outlets = [...new Set(articles.flatMap((article) => article.source ?? []))];
  const named = outlets.slice(0, namedOutlets).map((outlet) => truncateText(escapeForDiscord(outlet), 80));
  const others = outlets.length > namedOutlets ? ` and ${outlets.length - namedOutlets} more` : '';
  const dates = articles
    .flatMap((article) => (article.published ? [formatDate(article.published)] : []))
    .sort();
  const span = dates.length > 0 ? `, published ${dates[0]} to ${dates.at(-1)}` : '';
  const from = named.length > 0 ? ` from ${named.join(', ')}${others}` : '';
  return `The news story told by ${articles.length} curated article(s)${from}${span}. Every claim in an answer cites its article.`;
}

function formatRefresh(lastRefreshedAt: string | null): string {
  const time = lastRefreshedAt ? Date.parse(lastRefreshedAt) : Number.NaN;
  if (Number.isNaN(time)) return 'Never';
  const seconds = Math.floor(time / 1000);
  // Discord renders <t:…> in each reader's own time zone and language.
  return `<t:${seconds}:f> (<t:${seconds}:R>)`;
}

/**
 * Renders /about: what the bot covers (derived from the articles it holds), article and passage
 * counts, the newest article's date, the last refresh, and whether answers are extractive or written
 * by a language model. It never shows configuration values, so no key can leak.
 *
 * @param articles every article, newest first, as `listArticles` returns them.
 */
export function renderAbout(
  stats: KnowledgeStats,
  articles: ArticleSummary[],
  composer: Answer['composer'],
): ReplyPage {
  return {
    embeds: [
      {
        title: 'About newsdesk',
        color: aboutColour,
        description: describeCoverage(articles),
        fields: [
          { name: 'Articles', value: String(stats.articles), inline: true },
          { name: 'Passages', value: String(stats.passages), inline: true },
          {
            name: 'Newest article',
            value: stats.newestPublished ? formatDate(stats.newestPublished) : 'None',
            inline: true,
          },
          { name: 'Knowledge refreshed', value: formatRefresh(stats.lastRefreshedAt) },
          { name: 'Answers', value: composerDescriptions[composer] },
        ],
      },
    ],
  };
}
