import type { APIEmbed } from 'discord.js';
import type { Digest, DigestItem } from '../digest/buildDigest.js';
import { discordLimits } from './discordLimits.js';
import { escapeForDiscord } from './escapeForDiscord.js';
import { formatDate } from './formatDate.js';
import { packEmbeds, type ReplyPage } from './packEmbeds.js';
import { truncateText } from './splitText.js';

const digestColour = 0x805ad5;
// Three points of 600 plus the outlets line keep an item's description near 2100 of its 4096
// characters, so even a long title leaves an item far below the 6000 a message may carry.
const pointLength = 600;
const outletsLength = 300;

/** Discord renders `<t:…>` in each reader's own time zone and language. */
function formatTimestamp(iso: string): string {
  return `<t:${Math.floor(Date.parse(iso) / 1000)}:f>`;
}

function isWebAddress(url: string | undefined): url is string {
  if (!url || !URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return (protocol === 'https:' || protocol === 'http:') && url.length <= 2048;
}

function renderItem(item: DigestItem): APIEmbed {
  const outlets = item.outlets.length > 0 ? item.outlets.map(escapeForDiscord).join(' · ') : 'Unknown outlet';
  const writer = item.composer === 'openai' ? ' · key points written by a language model' : '';
  const byline = `${truncateText(outlets, outletsLength)} — ${formatDate(item.published)}${writer}`;
  const points = item.points.map((point) => `• ${truncateText(escapeForDiscord(point.text), pointLength)}`);
  return {
    title: truncateText(escapeForDiscord(item.title.replace(/\s+/g, ' ').trim()), discordLimits.embedTitle),
    ...(isWebAddress(item.url) ? { url: item.url } : {}),
    color: digestColour,
    description: [byline, ...points].join('\n'),
  };
}

/**
 * Renders a digest as Discord messages: a heading embed (the local date and the window), then one
 * embed per item (title linked to the article, outlets, date, its 1–3 key points: quoted, or written
 * by the language model and marked so in the byline), all article text escaped. Embeds are packed in
 * order into as few messages as Discord allows (10 embeds and 6000 characters per message,
 * `packEmbeds`); each embed stays within the 256-character title and 4096-character description
 * limits (`discordLimits`). A digest with no items renders as one short
 * "no new coverage" line, for servers that want to see that nothing happened.
 *
 * @param heading e.g. `Daily digest · 2026-03-10` or `Digest preview`; our own text, not escaped.
 * @returns at least one page; pages must be sent in order.
 */
export function renderDigest(digest: Digest, heading: string): ReplyPage[] {
  const since = formatTimestamp(digest.window.from);
  if (digest.items.length === 0)
    return [{ content: `${heading}: no new coverage since ${since}.`, embeds: [] }];
  const count = digest.items.length === 1 ? '1 new story' : `${digest.items.length} new stories`;
  const header: APIEmbed = {
    title: heading,
    color: digestColour,
    description: `${count} since ${since}, with the key points ${
      digest.items.some((item) => item.composer === 'openai')
        ? 'of each article (quoted unless marked as written by a language model from it).'
        : 'quoted from each article.'
    }`,
  };
  return packEmbeds([header, ...digest.items.map(renderItem)]);
}
