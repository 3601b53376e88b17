import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { type FakeDiscord, startFakeDiscord } from '../support/fakeDiscord.js';
import { runEntryPoint } from '../support/runEntryPoint.js';

describe('deployCommands', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('bulk-overwrites the guild commands with the command list when DISCORD_GUILD_ID is set', async () => {
    const run = await runEntryPoint('src/cli/deployCommands.ts', {
      DISCORD_TOKEN: 'fake-token-for-tests',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
    });
    const { code, stdout } = await run.exited;
    expect(code).toBe(0);
    // Built from the list, so adding a command does not mean editing this test.
    const names = commands.map((command) => `/${command.data.name}`).join(', ');
    expect(stdout).toBe(
      `Registered ${commands.length} slash commands in server ${fake.guildId}: ${names}.\n`,
    );
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(request?.headers.authorization).toBe('Bot fake-token-for-tests');
    expect(request?.body).toEqual(commands.map((command) => command.data));
    expect(request?.body).toContainEqual(
      expect.objectContaining({ name: 'reindex', default_member_permissions: '32', contexts: [0] }),
    );
  });

  it('registers globally when no guild is set', async () => {
    const run = await runEntryPoint('src/cli/deployCommands.ts', {
      DISCORD_TOKEN: 'fake-token-for-tests',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect((await run.exited).code).toBe(0);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT /applications/${fake.applicationId}/commands`,
    ]);
  });

  it('exits 1 naming the variables to set when the token is missing', async () => {
    const { code, stderr } = await (await runEntryPoint('src/cli/deployCommands.ts', {})).exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
    expect(fake.requests).toHaveLength(0);
  });
});
