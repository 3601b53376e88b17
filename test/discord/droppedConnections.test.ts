import { describe, expect, it, vi } from 'vitest';
import { createConversationSteps, readSentMessage } from '../support/createConversationSteps.js';
import type { DispatchedInteraction, RecordedRequest } from '../support/fakeDiscord.js';
import { readMessageBody } from '../support/fakeDiscord.js';
import { createSnowflake } from '../support/fakeDiscordPayloads.js';
import { useTestBot } from '../support/useTestBot.js';

// How long to wait for the router to log the interaction's end: a wait, not a speed check, generous
// because retried requests back off and a loaded machine runs slower (1 s, vitest's default, was not).
const settled = { timeout: 15_000 };

describe('answers across dropped connections', () => {
  const testBot = useTestBot();

  function ask(): DispatchedInteraction {
    return testBot().fake.dispatchCommand({
      name: 'ask',
      options: { question: 'Where are the talks being held?' },
    });
  }

  const isCallback = (interaction: DispatchedInteraction) => (request: RecordedRequest) =>
    request.path.includes(interaction.token) && request.path.endsWith('/callback');
  const isEdit = (interaction: DispatchedInteraction) => (request: RecordedRequest) =>
    request.path.includes(interaction.token) && request.method === 'PATCH';

  /** Waits until the router has logged how it ended the interaction (info level or above). */
  async function routerFinished(interactionId: string): Promise<void> {
    const { logLines } = testBot();
    await vi.waitFor(
      () =>
        expect(
          logLines.some((line) => line.interactionId === interactionId && Number(line.level) >= 30),
        ).toBe(true),
      settled,
    );
  }

  /** Every message body the user's reply was set to, in order, once the router is done with it. */
  async function repliesSeen(interaction: DispatchedInteraction): Promise<string[]> {
    const { fake } = testBot();
    await routerFinished(interaction.id);
    return fake
      .requestsFor(interaction)
      .filter((request) => request.method === 'PATCH' || request.method === 'POST')
      .filter((request) => request.status === 200 || request.status === 204)
      .flatMap((request) => {
        const body = readMessageBody(request);
        return body ? [body.embeds?.[0]?.description ?? body.content ?? ''] : [];
      });
  }

  it('still answers when the deferral never reached Discord', async () => {
    const { fake } = testBot();
    const interaction = ask();
    fake.resetNext(isCallback(interaction), 'before');
    expect(await repliesSeen(interaction)).toEqual([expect.stringMatching(/Muscat/)]);
  });

  it('edits the answer in when the deferral went through but its answer was lost (40060 on the resend)', async () => {
    const { fake } = testBot();
    const interaction = ask();
    fake.resetNext(isCallback(interaction), 'after');
    expect(await repliesSeen(interaction)).toEqual([expect.stringMatching(/Muscat/)]);
    const statuses = fake.requestsFor(interaction).filter(isCallback(interaction));
    expect(statuses.map((request) => request.status)).toEqual([204, 400]);
  });

  it('resends the final edit when its connection dropped, never an apology', async () => {
    const { fake } = testBot();
    const interaction = ask();
    fake.resetNext(isEdit(interaction), 'after');
    const replies = await repliesSeen(interaction);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply).toMatch(/Muscat/);
  });

  it('leaves a delivered answer in place when every resend of the edit loses its answer', async () => {
    const { fake, logLines } = testBot();
    const interaction = ask();
    for (let attempt = 0; attempt < 4; attempt += 1) fake.resetNext(isEdit(interaction), 'after');
    const replies = await repliesSeen(interaction);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply).toMatch(/Muscat/);
    expect(logLines.find((line) => line.interactionId === interaction.id)?.msg).toMatch(
      /may have been delivered/,
    );
  });

  const isChannelReply = (request: RecordedRequest) =>
    request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path);

  /** Asks publicly, submits a follow-up with `drops` applied, and waits until the router is done with it. */
  async function followUpWith(
    drops: (request: RecordedRequest) => boolean,
    moment: 'before' | 'after',
    times: number,
  ) {
    const { fake } = testBot();
    const steps = createConversationSteps(fake);
    const reader = createSnowflake();
    const answer = readSentMessage(
      await steps.ask('Where were the talks first planned?', { userId: reader }),
    );
    for (let attempt = 0; attempt < times; attempt += 1) fake.resetNext(drops, moment);
    const submission = await steps.followUp(answer, 'why did that plan fall through?', reader);
    await routerFinished(submission.id);
    const replies = fake.channelMessages.filter(
      (message) =>
        (message.body as { message_reference?: { message_id: string } }).message_reference?.message_id ===
        answer.id,
    );
    const privateTexts = fake
      .requestsFor(submission)
      .map((request) => readMessageBody(request)?.content ?? '')
      .filter(Boolean);
    return { replies, privateTexts, submission };
  }

  it.each(['before', 'after'] as const)(
    'posts the follow-up once when its connection drops %s Discord created it, resent with its nonce',
    async (moment) => {
      const { fake } = testBot();
      const { replies, privateTexts, submission } = await followUpWith(isChannelReply, moment, 1);
      expect(replies).toHaveLength(1);
      expect(fake.requests.filter(isChannelReply)[0]?.body).toMatchObject({
        enforce_nonce: true,
        nonce: expect.stringMatching(/^[0-9a-f]{25}$/),
      });
      expect(privateTexts).toEqual([]);
      expect(fake.requestsFor(submission).some((request) => request.method === 'DELETE')).toBe(true);
    },
  );

  it('never apologises beside a follow-up that may have been posted when every resend lost its answer', async () => {
    const { replies, privateTexts } = await followUpWith(isChannelReply, 'after', 4);
    expect(replies).toHaveLength(1);
    expect(privateTexts).toEqual([expect.stringMatching(/may be above/)]);
    for (const text of privateTexts) expect(text).not.toMatch(/Sorry/);
  });
});
