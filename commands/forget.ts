import { SlashCommandBuilder } from 'discord.js';
import { clearConversations } from '../src/conversation/conversationStore.js';
import type { Command } from '../src/discord/command.js';
import { sendPages } from '../src/discord/sendPages.js';

/**
 * `/forget`: deletes every conversation the user started (their follow-up context, in every channel and
 * the threads started from their answers), so their next question starts afresh. Answers privately.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('forget')
    .setDescription('Forget your earlier questions, so follow-ups start afresh.')
    .toJSON(),
  async execute(interaction, context) {
    const count = clearConversations(context.database, interaction.user.id);
    const content =
      count === 0
        ? 'There was nothing to forget: I keep no conversation of yours.'
        : `Done: I forgot ${count} conversation${count === 1 ? '' : 's'}. Your next question starts afresh.`;
    await sendPages(interaction, [{ content, embeds: [] }], { ephemeral: true, signal: context.signal });
  },
} satisfies Command;
