import { MessageFlags } from 'discord.js';
import { validateQuestion } from '../../answer/askQuestion.js';
import { UserInputError } from '../../errors.js';
import { claimConversation } from '../claimConversation.js';
import type { ComponentHandler } from '../command.js';
import { composeConversationReply } from '../composeConversationReply.js';
import { deferReply } from '../deferReply.js';
import { namesOfBot, removeMentions } from '../removeMentions.js';
import { answerComponentIds } from '../renderAnswerButtons.js';
import { resolveConversationScope } from '../resolveConversationScope.js';
import { sendChannelPages } from '../sendChannelPages.js';
import { sendPages } from '../sendPages.js';
import { followUpQuestionInput } from './followUpButton.js';

/**
 * The follow-up modal's submission: answers in the conversation the button carried, with /ask's
 * rules (validated before deferring, deferred within Discord's 3 seconds, embeds split to the
 * limits, no mentions). A public answer is posted as a new message replying to the answer whose
 * button was used, so the chain stays visible; the private "thinking" placeholder is then deleted.
 * Under a private answer the follow-up stays private (an ephemeral message cannot be replied to) and
 * fills the deferral. Someone else's button starts the clicker's own conversation: `askInConversation`
 * never continues another scope's.
 */
export const followUpModal = {
  kind: 'modal',
  prefix: answerComponentIds.followUpModal,
  async execute(interaction, context, conversationId) {
    const question = validateQuestion(
      removeMentions(
        interaction.fields.getTextInputValue(followUpQuestionInput),
        namesOfBot(interaction.client, interaction.guild),
      ),
    );
    if (!interaction.channelId) throw new UserInputError('Follow-ups work in a server channel or thread.');
    const place = resolveConversationScope(context.database, {
      userId: interaction.user.id,
      channelId: interaction.channelId,
    });
    const release = claimConversation(context.questionsInFlight, place.scope, interaction.user.id);
    try {
      const previous = interaction.message;
      const ephemeral = !previous || previous.flags.has(MessageFlags.Ephemeral);
      await deferReply(interaction, { flags: MessageFlags.Ephemeral });
      const pages = await composeConversationReply(context, {
        question,
        scope: place.scope,
        conversationId,
        guildId: interaction.guildId,
        discuss: !ephemeral && !place.inBotThread,
      });
      const channel = previous ? await interaction.client.channels.fetch(previous.channelId) : null;
      if (ephemeral || !channel?.isSendable()) {
        await sendPages(interaction, pages, { ephemeral: true, signal: context.signal });
        return;
      }
      await sendChannelPages(channel, pages, { replyTo: previous.id, signal: context.signal });
      await interaction.deleteReply();
    } finally {
      release();
    }
  },
} satisfies ComponentHandler;
