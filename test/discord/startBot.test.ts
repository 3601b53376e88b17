import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { readMessageBody } from '../support/fakeDiscord.js';
import { createSlowCommand } from '../support/testCommands.js';
import { useTestBot } from '../support/useTestBot.js';

describe('startBot', () => {
  const testBot = useTestBot({ commands: [...commands, createSlowCommand(300)] });

  it('finishes in-flight interactions, turns new ones away, then disconnects when stopped', async () => {
    const { fake, bot } = testBot();
    const inFlight = fake.dispatchCommand({ name: 'slow' });
    await fake.waitForRequest((request) => request.path.includes(inFlight.token));
    const gatewayClosed = fake.waitForGatewayClose();
    const stopped = bot.stop(2000);
    const late = fake.dispatchCommand({ name: 'about' });
    const turnedAway = await fake.waitForRequest((request) => request.path.includes(late.token));
    expect(readMessageBody(turnedAway)).toMatchObject({
      flags: 64,
      content: expect.stringMatching(/restarting/),
    });
    await stopped;
    await gatewayClosed;
    const answer = fake.requestsFor(inFlight).find((request) => request.method === 'PATCH');
    expect(readMessageBody(answer)?.content).toBe('done');
  });

  it('apologises to interactions still running when the grace period ends', async () => {
    const { fake, bot } = testBot();
    const inFlight = fake.dispatchCommand({ name: 'slow' });
    await fake.waitForRequest((request) => request.path.includes(inFlight.token));
    await bot.stop(50);
    const edits = fake.requestsFor(inFlight).flatMap((request) => readMessageBody(request) ?? []);
    expect(edits.map((message) => message.content)).toEqual([expect.stringMatching(/restarting/)]);
  });
});
