import type { APIEmbed } from 'discord.js';
import type { IngestSummary } from '../knowledge/ingest.js';
import { discordLimits } from './discordLimits.js';
import { escapeForDiscord } from './escapeForDiscord.js';
import { packEmbeds, type ReplyPage } from './packEmbeds.js';
import { packLines, truncateText } from './splitText.js';

const reindexColour = 0x2b6cb0;
const failureColour = 0xc53030;
const problemLength = 300;

/**
 * Renders the outcome of /reindex: how many articles were added, updated, unchanged and removed, the
 * passage count, and one line per file that could not be read (its path and problem, escaped), split
 * across embeds and messages within Discord's limits (`discordLimits`).
 *
 * @returns at least one page.
 */
export function renderReindex(summary: IngestSummary): ReplyPage[] {
  const counts =
    `Re-read the knowledge folder: ${summary.added} added, ${summary.updated} updated, ` +
    `${summary.unchanged} unchanged, ${summary.removed} removed; ${summary.passages} passages indexed.`;
  const failures = summary.failed.map(
    ({ path, problem }) =>
      `- ${escapeForDiscord(path)}: ${truncateText(escapeForDiscord(problem), problemLength)}`,
  );
  const lines =
    failures.length > 0
      ? [counts, '', `**${failures.length} file(s) could not be read:**`, ...failures]
      : [counts];
  const embeds: APIEmbed[] = packLines(lines, discordLimits.embedDescription).map((description, index) => ({
    ...(index === 0 ? { title: 'Knowledge reindexed' } : {}),
    color: failures.length > 0 ? failureColour : reindexColour,
    description,
  }));
  return packEmbeds(embeds);
}
