import { describe, expect, it } from 'vitest';
import { type DispatchedInteraction, readMessageBody } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/useTestBot.js';

describe('ask', () => {
  const testBot = useTestBot();

  function waitForEdit(interaction: DispatchedInteraction) {
    return testBot().fake.waitForRequest(
      (request) =>
        request.method === 'PATCH' && request.path.includes(interaction.token) && request.status === 200,
    );
  }

  it('defers, then edits the reply with a cited answer when asked about the seed article', async () => {
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({
      name: 'ask',
      options: { question: 'Where are the US and Iran holding their talks?' },
    });
    const edit = await waitForEdit(interaction);
    const [deferral] = fake.requestsFor(interaction);
    expect(deferral?.path).toBe(`/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(deferral?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`);
    const embed = readMessageBody(edit)?.embeds?.[0];
    expect(embed?.title).toBe('Where are the US and Iran holding their talks?');
    expect(embed?.description).toMatch(/Muscat.*\[1\]/);
    expect(embed?.fields?.[0]?.name).toMatch(/^\[1\] Iran and the US/);
    expect(embed?.fields?.[0]?.value).toContain('2026-02-06');
  });

  it('defers with the ephemeral flag (64) when private is true', async () => {
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({
      name: 'ask',
      options: { question: "What are Trump's three demands of Iran?", private: true },
    });
    await waitForEdit(interaction);
    expect(fake.requestsFor(interaction)[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
  });

  it('replies privately with the reason when the question is blank', async () => {
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({ name: 'ask', options: { question: '   ' } });
    const reply = await fake.waitForRequest((request) => request.path.includes(interaction.token));
    expect(reply.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringMatching(/question/) },
    });
  });

  it('answers the question without the mentions typed into it', async () => {
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({
      name: 'ask',
      options: { question: `<@${fake.applicationId}> @here where are the talks being held?` },
    });
    const embed = readMessageBody(await waitForEdit(interaction))?.embeds?.[0];
    expect(embed?.title).toBe('where are the talks being held?');
    expect(embed?.description).toMatch(/Muscat/);
  });

  it('replies privately "please ask a question" when the question is only mentions', async () => {
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({
      name: 'ask',
      options: { question: '<@123456789012345678> <@&223456789012345678> <#323456789012345678> @everyone' },
    });
    const reply = await fake.waitForRequest((request) => request.path.includes(interaction.token));
    expect(reply.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringMatching(/^Please ask a question/) },
    });
  });

  it('still delivers the answer when Discord answers the edit with 429 and retry-after', async () => {
    const { fake } = testBot();
    fake.rateLimitNext((request) => request.method === 'PATCH', 0.3);
    const interaction = fake.dispatchCommand({
      name: 'ask',
      options: { question: 'Where are the US and Iran holding their talks?' },
    });
    const edit = await waitForEdit(interaction);
    const edits = fake.requestsFor(interaction).filter((request) => request.method === 'PATCH');
    expect(edits.map((request) => request.status)).toEqual([429, 200]);
    expect((edits[1]?.receivedAt ?? 0) - (edits[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(250);
    expect(readMessageBody(edit)?.embeds?.[0]?.description).toMatch(/Muscat/);
  });
});
