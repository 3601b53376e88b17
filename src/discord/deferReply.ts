import { type InteractionDeferReplyOptions, MessageFlags, type RepliableInteraction } from 'discord.js';
import { isAlreadyAcknowledged } from './deliveryOutcome.js';

/**
 * Defers an interaction's reply (Discord shows "thinking…" and the bot has 15 minutes to edit it in).
 * A callback whose connection dropped is sent again by the REST client (see `createDiscordClient`);
 * when Discord answers that the interaction was already acknowledged (40060), the first one went
 * through, so the interaction is marked deferred and the caller goes on to edit the reply.
 *
 * @param options `flags: MessageFlags.Ephemeral` for a private deferral, as with discord.js's own.
 * @throws discord.js's error for any other failure.
 */
export async function deferReply(
  interaction: RepliableInteraction,
  options: InteractionDeferReplyOptions & { flags?: MessageFlags.Ephemeral } = {},
): Promise<void> {
  try {
    await interaction.deferReply(options);
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.deferred = true;
    interaction.ephemeral = options.flags === MessageFlags.Ephemeral;
  }
}
