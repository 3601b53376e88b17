import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { type DispatchedInteraction, readMessageBody } from '../support/fakeDiscord.js';
import { createSlowCommand, explodeCommand } from '../support/testCommands.js';
import { useTestBot } from '../support/useTestBot.js';

describe('createInteractionRouter', () => {
  const testBot = useTestBot({
    commands: [...commands, explodeCommand, createSlowCommand(400)],
    interactionTimeoutMs: 200,
  });

  function waitForMessage(interaction: DispatchedInteraction) {
    return testBot()
      .fake.waitForRequest(
        (request) => request.path.includes(interaction.token) && readMessageBody(request) !== undefined,
      )
      .then(readMessageBody);
  }

  it('apologises privately and logs the interaction id when a handler throws, then answers the next one', async () => {
    const { fake, logLines } = testBot();
    const failed = fake.dispatchCommand({ name: 'explode' });
    const apology = await waitForMessage(failed);
    expect(apology).toMatchObject({ flags: 64, content: expect.stringMatching(/^Sorry/) });
    expect(apology?.content).not.toMatch(/secret|Error/);
    expect(logLines).toContainEqual(
      expect.objectContaining({ level: 50, interactionId: failed.id, command: 'explode' }),
    );
    const next = await waitForMessage(fake.dispatchCommand({ name: 'about' }));
    expect(next?.embeds?.[0]?.title).toBe('About newsdesk');
  });

  it('apologises privately when the command is unknown', async () => {
    const apology = await waitForMessage(testBot().fake.dispatchCommand({ name: 'retired' }));
    expect(apology).toMatchObject({ flags: 64, content: expect.stringMatching(/do not know that command/) });
  });

  it('edits the deferral into an apology and drops the late answer when the command times out', async () => {
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({ name: 'slow' });
    const apology = await waitForMessage(interaction);
    expect(apology?.content).toMatch(/took too long/);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const messages = fake.requestsFor(interaction).flatMap((request) => readMessageBody(request) ?? []);
    expect(messages.map((message) => message.content)).toEqual([apology?.content]);
  });
});
