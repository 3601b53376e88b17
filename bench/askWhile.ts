import { performance } from 'node:perf_hooks';
import type { FakeDiscord } from '../test/support/fakeDiscord.js';

/**
 * Dispatches an /ask through the fake Discord every 50 ms until `work` settles, and collects each
 * one's time from INTERACTION_CREATE to its deferral (milliseconds): how the bot keeps answering
 * while it ingests or polls in the same process.
 *
 * @returns `work`'s result, the deferral times, and `work`'s duration in seconds.
 */
export async function askWhile<T>(
  fake: FakeDiscord,
  start: () => Promise<T>,
): Promise<{ result: T; toDeferral: number[]; seconds: number }> {
  const toDeferral: number[] = [];
  let working = true;
  const started = performance.now();
  const work = start().finally(() => {
    working = false;
  });
  const asks: Promise<void>[] = [];
  while (working) {
    const interaction = fake.dispatchCommand({ name: 'ask', options: { question: 'Where are the talks?' } });
    asks.push(
      fake
        .waitForRequest(
          (request) => request.path.includes(interaction.token) && request.path.endsWith('/callback'),
        )
        .then((deferral) => void toDeferral.push(deferral.receivedAt - interaction.dispatchedAt)),
    );
    await new Promise((wake) => setTimeout(wake, 50));
  }
  const result = await work;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(asks);
  return { result, toDeferral, seconds };
}
