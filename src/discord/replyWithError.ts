import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { NewsdeskError, UserInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import { isDeliveryUnknown } from './deliveryOutcome.js';
import { noMentions } from './sendPages.js';

const genericApology = 'Sorry, something went wrong on our side. Please try again in a moment.';
/** The router's own refusals: worth a warning, not an error alert. */
const expectedCodes = new Set([
  'unknown_command',
  'unknown_component',
  'interaction_timeout',
  'shutting_down',
]);

/** The text a user may see for an error: a `NewsdeskError`'s `userMessage`, else a generic apology. */
export function describeForUser(error: unknown): string {
  return error instanceof NewsdeskError ? error.userMessage : genericApology;
}

/**
 * The one place an interaction's failure becomes a reply: a short apology (a `NewsdeskError`'s
 * `userMessage`, else a generic one; never a stack trace), sent ephemerally as a reply, or as the edit
 * of a deferred reply (which keeps the deferral's visibility), or as a follow-up once a reply exists.
 * Logs the error with the interaction id (and command name or custom_id): user mistakes at `info`,
 * unknown commands and buttons, timeouts and shutdown refusals at `warn`, everything else at `error`.
 * Never throws: when the apology itself cannot be sent (an expired token), that is logged too.
 * When the failure was a REST call whose fate is unknown (the connection dropped after it was sent),
 * no apology is sent: the answer may have been delivered, and an apology would replace it.
 */
export async function replyWithError(
  interaction: RepliableInteraction,
  error: unknown,
  logger: Logger,
): Promise<void> {
  const command = interaction.isChatInputCommand() ? interaction.commandName : undefined;
  const customId = interaction.isButton() || interaction.isModalSubmit() ? interaction.customId : undefined;
  const details = { interactionId: interaction.id, command, customId, err: error };
  if (error instanceof UserInputError) logger.info(details, 'interaction refused: bad input');
  else if (error instanceof NewsdeskError && expectedCodes.has(error.code))
    logger.warn(details, 'interaction refused');
  else if (isDeliveryUnknown(error)) {
    logger.warn(details, 'reply may have been delivered: the connection dropped; not apologising over it');
    return;
  } else logger.error(details, 'interaction failed');
  const content = describeForUser(error);
  try {
    if (interaction.deferred && !interaction.replied) {
      await interaction.editReply({ content, embeds: [], allowedMentions: noMentions });
    } else if (interaction.replied) {
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    } else {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
    }
  } catch (sendError) {
    logger.warn({ interactionId: interaction.id, err: sendError }, 'could not send the apology');
  }
}
