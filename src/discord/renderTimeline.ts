import type { APIEmbed } from 'discord.js';
import type { Timeline, TimelineEntry } from '../story/buildTimeline.js';
import { describeTimeline, formatEntryDate } from '../story/describeTimeline.js';
import { discordLimits } from './discordLimits.js';
import { escapeForDiscord, formatMaskedLink } from './escapeForDiscord.js';
import { packEmbeds, type ReplyPage } from './packEmbeds.js';
import { packLines, truncateText } from './splitText.js';

const timelineColour = 0xc05621;
// A line of at most about 1,300 characters (a 400-character sentence escaped and cut to 600, outlets,
// a title and a 256-character link), so every line fits a 4096-character description whole.
const pointLength = 600;
const outletsLength = 300;
const titleLength = 100;

function renderEntryLine(entry: TimelineEntry, timeline: Timeline): string {
  const outlets =
    entry.outlets.length > 0
      ? truncateText(entry.outlets.map(escapeForDiscord).join(', '), outletsLength)
      : 'Unknown outlet';
  const quote = truncateText(escapeForDiscord(entry.point.text), pointLength);
  const title = truncateText(escapeForDiscord(entry.title.replace(/\s+/g, ' ').trim()), titleLength);
  const source = formatMaskedLink(title, entry.url) ?? `*${title}*`;
  return `**${formatEntryDate(entry.date, timeline)}** · ${outlets}: «${quote}» — ${source}`;
}

/**
 * Renders a timeline as Discord messages: a heading (how many developments over which window,
 * oldest first, newest last, how many older ones were left out, the newest article's date), then one
 * line per development — its date, outlets, the sentence quoted in «», and the article's title linked
 * to it as the source. Article text is escaped with `escapeForDiscord`; links are ours
 * (`formatMaskedLink`, http(s) only). Lines are never split; they fill 4096-character embed
 * descriptions (`packLines`), packed into messages of at most 10 embeds and 6000 characters
 * (`packEmbeds`, `discordLimits`).
 *
 * @returns at least one page; pages must be sent in order.
 */
export function renderTimeline(timeline: Timeline): ReplyPage[] {
  const title = timeline.since ? `Timeline since ${timeline.since}` : 'Timeline';
  const lines = [
    describeTimeline(timeline),
    ...(timeline.entries.length > 0 ? [''] : []),
    ...timeline.entries.map((entry) => renderEntryLine(entry, timeline)),
  ];
  const embeds: APIEmbed[] = packLines(lines, discordLimits.embedDescription).map((description, index) => ({
    ...(index === 0 ? { title } : {}),
    color: timelineColour,
    description,
  }));
  return packEmbeds(embeds);
}
