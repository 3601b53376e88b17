import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { discordLimits } from './discordLimits.js';

/** One message of a reply: the reply itself or one follow-up, as `sendPages` sends it. */
export interface ReplyPage {
  content?: string;
  embeds: APIEmbed[];
  /** Buttons under the message (an answer's last page carries "Follow-up" and "Discuss in thread"). */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/**
 * Counts an embed's characters the way Discord does for its 6000-per-message limit: title,
 * description, field names and values, footer text and author name
 * (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 */
export function measureEmbed(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce(
    (total, field) => total + field.name.length + field.value.length,
    0,
  );
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    fields +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/**
 * Groups embeds, in order, into as few messages as Discord allows: at most 10 embeds and 6000 embed
 * characters per message (`discordLimits`).
 *
 * @param embeds each already within the per-embed limits and at most 6000 characters.
 * @returns one page per message; none when `embeds` is empty.
 */
export function packEmbeds(embeds: APIEmbed[]): ReplyPage[] {
  const pages: ReplyPage[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = measureEmbed(embed);
    const full =
      current.length === discordLimits.embedsPerMessage ||
      size + length > discordLimits.embedCharactersPerMessage;
    if (current.length > 0 && full) {
      pages.push({ embeds: current });
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) pages.push({ embeds: current });
  return pages;
}
