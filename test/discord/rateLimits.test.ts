import { describe, expect, it } from 'vitest';
import type { DispatchedInteraction } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/useTestBot.js';

const concurrentQuestions = 100;

describe('rate limits', () => {
  const testBot = useTestBot();

  function waitForAnswer(interaction: DispatchedInteraction) {
    return testBot().fake.waitForRequest(
      (request) =>
        request.method === 'PATCH' && request.path.includes(interaction.token) && request.status === 200,
      15_000,
    );
  }

  const warnings = () => testBot().logLines.filter((line) => line.msg === 'rate limited by Discord');

  it(`answers ${concurrentQuestions} questions at once without holding answers back for a limit Discord never applied`, async () => {
    const { fake, logLines } = testBot();
    const interactions = Array.from({ length: concurrentQuestions }, (_, index) =>
      fake.dispatchCommand({
        name: 'ask',
        options: { question: `Where are the talks being held? (${index})` },
      }),
    );
    await Promise.all(interactions.map(waitForAnswer));
    expect(warnings()).toEqual([]);
    // Interaction webhooks are exempt from the bot's global limit: discord.js must not queue them for it.
    const globalWaits = logLines.filter(
      (line) => line.msg === 'waiting for a rate limit to pass' && line.global,
    );
    expect(globalWaits).toEqual([]);
  });

  it('warns once, with the route and retry-after, when Discord answers 429', async () => {
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({ name: 'ask', options: { question: 'Where are the talks?' } });
    fake.rateLimitNext(
      (request) => request.method === 'PATCH' && request.path.includes(interaction.token),
      0.2,
    );
    await waitForAnswer(interaction);
    expect(warnings()).toEqual([
      expect.objectContaining({
        route: '/webhooks/:id/:token/messages/%40original',
        method: 'PATCH',
        retryAfterMs: 200,
      }),
    ]);
  });
});
