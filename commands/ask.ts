import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { maxQuestionLength, validateQuestion } from '../src/answer/askQuestion.js';
import { claimConversation } from '../src/discord/claimConversation.js';
import type { Command } from '../src/discord/command.js';
import { composeConversationReply } from '../src/discord/composeConversationReply.js';
import { deferReply } from '../src/discord/deferReply.js';
import { namesOfBot, removeMentions } from '../src/discord/removeMentions.js';
import { resolveConversationScope } from '../src/discord/resolveConversationScope.js';
import { sendPages } from '../src/discord/sendPages.js';

/**
 * `/ask question:<text> [private:<bool>]`: a cited answer from the articles, continuing the asker's
 * conversation in this channel (or the thread's, inside a thread the bot started).
 */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about the story; the answer cites the articles it comes from.')
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, in your own words')
        .setRequired(true)
        .setMaxLength(maxQuestionLength),
    )
    .addBooleanOption((option) => option.setName('private').setDescription('Show the answer to you only'))
    .toJSON(),
  async execute(interaction, context) {
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    // Checked before deferring, so a bad question or a busy asker gets a private reply instead of a
    // public deferral.
    const question = validateQuestion(
      removeMentions(
        interaction.options.getString('question', true),
        namesOfBot(interaction.client, interaction.guild),
      ),
    );
    const place = resolveConversationScope(context.database, {
      userId: interaction.user.id,
      channelId: interaction.channelId,
    });
    const release = claimConversation(context.questionsInFlight, place.scope, interaction.user.id);
    try {
      // Discord drops interactions not acknowledged within 3 seconds; deferring first buys 15 minutes.
      await deferReply(interaction, ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      const pages = await composeConversationReply(context, {
        question,
        scope: place.scope,
        ...(place.conversationId && { conversationId: place.conversationId }),
        guildId: interaction.guildId,
        discuss: !ephemeral && !place.inBotThread,
      });
      await sendPages(interaction, pages, { ephemeral, signal: context.signal });
    } finally {
      release();
    }
  },
} satisfies Command;
