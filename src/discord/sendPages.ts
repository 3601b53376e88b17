import { MessageFlags, type MessageMentionOptions, type RepliableInteraction } from 'discord.js';
import type { ReplyPage } from './packEmbeds.js';

/** Sent with every message: nothing quoted from an article or echoed from a question can ping anyone. */
export const noMentions: MessageMentionOptions = { parse: [] };

/**
 * Sends a rendered reply: the first page as the reply (or as the edit of a deferred reply), the others
 * as follow-ups, in order, each with `allowedMentions: { parse: [] }`.
 *
 * @param options.ephemeral makes a fresh reply and every follow-up visible only to the user; an edited
 *   deferral keeps the visibility it was deferred with.
 * @param options.signal checked before every request, so nothing is sent once the router has given up.
 * @throws the signal's reason when aborted, or discord.js's error when Discord refuses a message.
 */
export async function sendPages(
  interaction: RepliableInteraction,
  pages: ReplyPage[],
  options: { ephemeral: boolean; signal: AbortSignal },
): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  for (const [index, page] of pages.entries()) {
    options.signal.throwIfAborted();
    const message = { ...page, allowedMentions: noMentions };
    if (index === 0 && interaction.deferred && !interaction.replied) await interaction.editReply(message);
    else if (index === 0 && !interaction.replied) await interaction.reply({ ...message, flags });
    else await interaction.followUp({ ...message, flags });
  }
}

/** Sends one line of text as a reply only the user sees (or as the edit of a deferral); see sendPages. */
export function sendPrivateText(
  interaction: RepliableInteraction,
  content: string,
  signal: AbortSignal,
): Promise<void> {
  return sendPages(interaction, [{ content, embeds: [] }], { ephemeral: true, signal });
}
