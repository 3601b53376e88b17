import { type FakeDiscord, type RecordedRequest, readMessageBody } from './fakeDiscord.js';
import { createButtonData, createModalSubmitData } from './fakeDiscordInteractions.js';

/** A message the bot sent, as the fake returned it (so a test can click its buttons). */
export type SentMessage = Record<string, unknown> & {
  id: string;
  channel_id: string;
  components?: { components: { label: string; custom_id: string }[] }[];
};

/** The message a sent-message request created, as the fake answered it. */
export function readSentMessage(request: RecordedRequest): SentMessage {
  return request.response as SentMessage;
}

/** The text of every embed description of a message request, joined. */
export function readAnswerText(request: RecordedRequest): string {
  return (readMessageBody(request)?.embeds ?? []).map((embed) => embed.description ?? '').join('\n');
}

/**
 * What members do in a conversation with the bot, against the fake: ask with /ask, click a button by
 * its label, fill in the follow-up modal. Each resolves with the bot's visible answer.
 */
export function createConversationSteps(fake: FakeDiscord) {
  return {
    /** Runs /ask and resolves with the edit that carries the answer. */
    async ask(question: string, who: { userId: string; channelId?: string; private?: boolean }) {
      const interaction = fake.dispatchCommand({
        name: 'ask',
        options: { question, ...(who.private && { private: true }) },
        userId: who.userId,
        ...(who.channelId && { channelId: who.channelId }),
      });
      return fake.waitForRequest(
        (request) =>
          request.method === 'PATCH' && request.path.includes(interaction.token) && request.status === 200,
      );
    },
    /** Clicks the button labelled `label` under `message`; resolves with the bot's first response. */
    async click(message: SentMessage, label: string, userId: string) {
      const button = message.components?.[0]?.components.find((candidate) => candidate.label === label);
      if (!button) throw new Error(`no "${label}" button under message ${message.id}`);
      const interaction = fake.dispatchInteraction(
        createButtonData(fake, {
          customId: button.custom_id,
          message,
          userId,
          channel: { id: message.channel_id, type: fake.threads.has(message.channel_id) ? 11 : 0 },
        }),
      );
      const response = await fake.waitForRequest((request) => request.path.includes(interaction.token));
      return { interaction, response };
    },
    /** Opens the follow-up modal under `message`, submits `question`, resolves with the submission. */
    async followUp(message: SentMessage, question: string, userId: string) {
      const { response } = await this.click(message, 'Follow-up', userId);
      const modal = response.body as { type: number; data: { custom_id: string } };
      return fake.dispatchInteraction(
        createModalSubmitData(fake, {
          customId: modal.data.custom_id,
          values: { question },
          message,
          userId,
          channel: { id: message.channel_id, type: fake.threads.has(message.channel_id) ? 11 : 0 },
        }),
      );
    },
  };
}
