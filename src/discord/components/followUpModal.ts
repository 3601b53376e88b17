import { MessageFlags } from 'discord.js';
import { validateQuestion } from '../../answer/askQuestion.js';
import { UserInputError } from '../../errors.js';
import { claimConversation } from '../claimConversation.js';
import type { ComponentHandler } from '../command.js';
import { composeConversationReply } from '../composeConversationReply.js';
import { deferReply } from '../deferReply.js';
import { isDeliveryUnknown } from '../deliveryOutcome.js';
import { namesOfBot, removeMentions } from '../removeMentions.js';
import { answerComponentIds } from '../renderAnswerButtons.js';
import { resolveConversationScope } from '../resolveConversationScope.js';
import { sendChannelPages } from '../sendChannelPages.js';
import { noMentions, sendPages } from '../sendPages.js';
import { followUpQuestionInput } from './followUpButton.js';

const mayBePosted = {
  content:
    'The connection to Discord dropped while your answer was posted: it may be above. If it is not, ask again.',
  embeds: [],
  allowedMentions: noMentions,
};

/**
 * The follow-up modal's submission: answers in the conversation the button carried, with /ask's
 * rules (validated before deferring, deferred within Discord's 3 seconds, embeds split to the
 * limits, no mentions). A public answer is posted as a new message replying to the answer whose
 * button was used, so the chain stays visible; the private "thinking" placeholder is then deleted.
 * Under a private answer the follow-up stays private (an ephemeral message cannot be replied to) and
 * fills the deferral. The public answer carries a nonce (`sendChannelPages`), so a resend never posts it
 * twice; when even the resends lose their answer, the placeholder says the answer may be above, and no
 * apology is sent (see `replyWithError`). Someone else's button starts the clicker's own conversation: `askInConversation`
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
      try {
        await sendChannelPages(channel, pages, {
          replyTo: previous.id,
          eventId: interaction.id,
          signal: context.signal,
        });
      } catch (error) {
        // Every resend lost its answer: the reply may be in the channel, so no apology beside it.
        if (isDeliveryUnknown(error)) await interaction.editReply(mayBePosted).catch(() => undefined);
        throw error;
      }
      await interaction.deleteReply();
    } finally {
      release();
    }
  },
} satisfies ComponentHandler;
