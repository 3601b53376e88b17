import type { Message } from 'discord.js';
import { validateQuestion } from '../answer/askQuestion.js';
import { UserInputError } from '../errors.js';
import { claimConversation } from './claimConversation.js';
import type { BotContext } from './command.js';
import { composeConversationReply } from './composeConversationReply.js';
import { namesOfBot, removeMentions } from './removeMentions.js';
import { describeForUser } from './replyWithError.js';
import { resolveConversationScope } from './resolveConversationScope.js';
import { sendChannelPages } from './sendChannelPages.js';
import { noMentions } from './sendPages.js';

/**
 * Answers a plain message in a thread the bot started (read through the privileged Message Content
 * intent) as a follow-up in the thread's conversation, replying to that message; no mention needed.
 * Messages from bots (ourselves included), system messages, and messages anywhere but a thread the bot
 * started are ignored. Mentions (`@newsdesk where …`) are removed from the question. Never throws: a failure becomes a short apology in the thread (the user's
 * mistakes and "still answering" included) and is logged with the message id.
 *
 * @param questionsInFlight the bot instance's set, shared with the interaction router.
 */
export async function answerThreadMessage(
  message: Message,
  context: BotContext,
  questionsInFlight: Set<string>,
): Promise<void> {
  if (message.author.bot || message.system || !message.channel.isThread()) return;
  const place = resolveConversationScope(context.database, {
    userId: message.author.id,
    channelId: message.channelId,
  });
  // A picture or sticker without words is conversation between people, not a question.
  if (!place.inBotThread || !message.channel.isSendable() || !message.content.trim()) return;
  const channel = message.channel;
  try {
    const question = validateQuestion(
      removeMentions(message.content, namesOfBot(message.client, message.guild)),
    );
    const release = claimConversation(questionsInFlight, place.scope, message.author.id);
    try {
      // Messages have no deferral; the typing indicator is how a reader sees the bot is on it.
      await channel.sendTyping();
      const pages = await composeConversationReply(context, {
        question,
        scope: place.scope,
        ...(place.conversationId && { conversationId: place.conversationId }),
        guildId: message.guildId,
        discuss: false,
      });
      await sendChannelPages(channel, pages, { replyTo: message.id, eventId: message.id });
    } finally {
      release();
    }
    context.logger.info({ messageId: message.id, channelId: message.channelId }, 'answered thread message');
  } catch (error) {
    const details = { messageId: message.id, channelId: message.channelId, err: error };
    if (error instanceof UserInputError) context.logger.info(details, 'thread message refused');
    else context.logger.error(details, 'thread message failed');
    await message
      .reply({ content: describeForUser(error), allowedMentions: noMentions })
      .catch((sendError: unknown) =>
        context.logger.warn({ messageId: message.id, err: sendError }, 'could not send the apology'),
      );
  }
}
