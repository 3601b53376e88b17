import { describe, expect, it, vi } from 'vitest';
import type { DispatchedInteraction, RecordedRequest } from '../support/fakeDiscord.js';
import { readMessageBody } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/useTestBot.js';

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

  /** Every message body the user's reply was set to, in order, once the router is done with it. */
  async function repliesSeen(interaction: DispatchedInteraction): Promise<string[]> {
    const { logLines, fake } = testBot();
    await vi.waitFor(() =>
      expect(logLines.some((line) => line.interactionId === interaction.id && Number(line.level) >= 30)).toBe(
        true,
      ),
    );
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
});
