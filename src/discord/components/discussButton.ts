import { randomUUID } from 'node:crypto';
import { ChannelType, DiscordAPIError, MessageFlags, ThreadAutoArchiveDuration } from 'discord.js';
import { copyConversation, findConversation } from '../../conversation/conversationStore.js';
import { UserInputError } from '../../errors.js';
import { rememberBotThread } from '../../storage/botThreads.js';
import type { ComponentHandler } from '../command.js';
import { deferReply } from '../deferReply.js';
import { answerComponentIds } from '../renderAnswerButtons.js';
import { resolveConversationScope } from '../resolveConversationScope.js';
import { noMentions } from '../sendPages.js';

/** Discord's "A thread has already been created for this message" (JSON error code 160004). */
const threadAlreadyExists = 160004;
/** Discord's limit for a thread name, in characters (https://discord.com/developers/docs/resources/channel#start-thread-from-message). */
const threadNameLength = 100;
const hour = 60 * 60 * 1000;

/** The answer's question (its first embed's title, markdown escapes removed) as a thread name. */
function nameThread(title: string | null | undefined): string {
  const name =
    (title ?? '')
      .replace(/\\(.)/g, '$1')
      .replace(/\u200b/g, '')
      .trim() || 'Follow-up questions';
  return name.length > threadNameLength ? `${name.slice(0, threadNameLength - 1)}…` : name;
}

/**
 * "Discuss in thread" under a public answer: starts a public thread from the answer message and
 * records it (`rememberBotThread`), so /ask there (and, with the Message Content intent, any message)
 * continues the conversation. The clicker's own conversation is copied into the thread; someone
 * else's answer starts the thread afresh, since their earlier turns may have been private. A second
 * click only points to the thread that already exists (thread and message share one id).
 */
export const discussButton = {
  kind: 'button',
  prefix: answerComponentIds.discussButton,
  async execute(interaction, context, conversationId) {
    const channel = await interaction.client.channels.fetch(interaction.channelId);
    if (channel?.type !== ChannelType.GuildText && channel?.type !== ChannelType.GuildAnnouncement) {
      throw new UserInputError('Threads can be started only from an answer in a text channel.');
    }
    await deferReply(interaction, { flags: MessageFlags.Ephemeral });
    const thread = await channel.threads
      .create({
        startMessage: interaction.message.id,
        name: nameThread(interaction.message.embeds[0]?.title),
        autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      })
      .catch((error: unknown) => {
        if (error instanceof DiscordAPIError && error.code === threadAlreadyExists) {
          throw new UserInputError(`This answer already has a thread: <#${interaction.message.id}>`);
        }
        throw error;
      });
    const asker = resolveConversationScope(context.database, {
      userId: interaction.user.id,
      channelId: channel.id,
    });
    const scope = {
      key: `thread:${thread.id}`,
      userId: interaction.user.id,
      channelId: channel.id,
      threadId: thread.id,
    };
    const source = findConversation(
      context.database,
      conversationId,
      context.config.CONVERSATION_IDLE_HOURS * hour,
    );
    // A thread's conversation is created on its first question when there is nothing to carry over.
    const threadConversation =
      source?.scope === asker.scope.key ? copyConversation(context.database, source.id, scope) : randomUUID();
    rememberBotThread(context.database, {
      threadId: thread.id,
      conversationId: threadConversation,
      parentChannelId: channel.id,
    });
    const how = context.config.DISCORD_MESSAGE_CONTENT
      ? 'write your follow-up questions there; I answer every message'
      : 'use `/ask` there to continue the conversation';
    await interaction.editReply({ content: `Started <#${thread.id}>: ${how}.`, allowedMentions: noMentions });
  },
} satisfies ComponentHandler;
