import { ButtonStyle, ComponentType } from 'discord.js';
import type { ReplyPage } from './packEmbeds.js';

/**
 * The custom_id prefixes of an answer's buttons and modal; the router splits a custom_id at its first
 * `:` and hands what follows (a conversation id) to the handler registered for the prefix.
 */
export const answerComponentIds = {
  followUpButton: 'followup',
  followUpModal: 'followup-question',
  discussButton: 'discuss',
} as const;

/**
 * Puts the answer's buttons under its last page: "Follow-up" (opens a modal that continues the
 * conversation) and, when `discuss` is set, "Discuss in thread". Discord allows 100 characters of
 * custom_id (https://discord.com/developers/docs/components/reference#button); a prefix and a UUID
 * take under 60.
 *
 * @param discuss false for private answers (an ephemeral message cannot have a thread) and for answers
 *   already inside a thread (threads do not nest).
 * @returns new pages; the input is not changed.
 */
export function addAnswerButtons(
  pages: ReplyPage[],
  conversationId: string,
  { discuss }: { discuss: boolean },
): ReplyPage[] {
  const followUp = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: 'Follow-up',
    custom_id: `${answerComponentIds.followUpButton}:${conversationId}`,
  } as const;
  const thread = {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: 'Discuss in thread',
    custom_id: `${answerComponentIds.discussButton}:${conversationId}`,
  } as const;
  const row = {
    type: ComponentType.ActionRow,
    components: discuss ? [followUp, thread] : [followUp],
  } as const;
  return pages.map((page, index) => (index === pages.length - 1 ? { ...page, components: [row] } : page));
}
