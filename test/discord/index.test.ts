import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { expectNoMentionsAllowed } from '../support/expectNoMentions.js';
import { type FakeDiscord, readMessageBody, startFakeDiscord } from '../support/fakeDiscord.js';
import { runEntryPoint } from '../support/runEntryPoint.js';
import { seedKnowledgeDir } from '../support/startTestBot.js';

describe('index (npm start)', () => {
  let fake: FakeDiscord;
  let directory: string;
  beforeEach(async () => {
    fake = await startFakeDiscord();
    directory = await mkdtemp(join(tmpdir(), 'newsdesk-start-'));
    await cp(seedKnowledgeDir, join(directory, 'knowledge'), { recursive: true });
  });
  afterEach(async () => {
    await fake.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('exits 1 with one line naming what to set and the offline command when there is no token', async () => {
    const { code, stderr } = await (await runEntryPoint('src/index.ts', {})).exited;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/set DISCORD_TOKEN .*npm run ask/);
  });

  it('answers, then finishes in-flight work and exits 0 within 5 seconds of SIGTERM', async () => {
    const token = 'fake-token-that-must-not-be-logged';
    const run = await runEntryPoint('src/index.ts', {
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_DIR: join(directory, 'knowledge'),
      DATABASE_PATH: join(directory, 'newsdesk.sqlite'),
      LOG_LEVEL: 'debug',
    });
    await fake.waitForIdentify();
    const interaction = fake.dispatchCommand({
      name: 'ask',
      options: { question: 'Where are the talks being held?' },
    });
    await fake.waitForRequest((request) => request.path.includes(interaction.token));
    const gatewayClosed = fake.waitForGatewayClose();
    const signalledAt = Date.now();
    run.child.kill('SIGTERM');
    const { code, stderr } = await run.exited;
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    expect(code).toBe(0);
    await gatewayClosed;
    const edit = fake.requestsFor(interaction).find((request) => request.method === 'PATCH');
    expect(readMessageBody(edit)?.embeds?.[0]?.description).toMatch(/Muscat/);
    expect(stderr).toContain('"msg":"bot stopped"');
    expect(stderr.match(/"msg":"knowledge (ingested|refreshed)"/g)).toEqual(['"msg":"knowledge ingested"']);
    expect(stderr).not.toContain(token);
    expectNoMentionsAllowed(fake);
  });

  it.each([
    [4004, /rejected the token .*DISCORD_TOKEN/],
    [4014, /Message Content intent .*DISCORD_MESSAGE_CONTENT=false/],
  ])(
    'logs why and exits 1 when Discord closes the gateway with %i after READY',
    async (code, explanation) => {
      const run = await runEntryPoint('src/index.ts', {
        DISCORD_TOKEN: 'fake-token',
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        KNOWLEDGE_DIR: join(directory, 'knowledge'),
        DATABASE_PATH: join(directory, 'newsdesk.sqlite'),
      });
      // A bot that failed to notice stays running: end it whatever the test found.
      onTestFinished(() => void run.child.kill('SIGKILL'));
      await new Promise<void>((resolve) =>
        run.child.stderr?.on('data', (chunk: Buffer) => chunk.includes('"msg":"bot ready"') && resolve()),
      );
      fake.closeGateway(code);
      const { code: exitCode, stderr } = await run.exited;
      expect(exitCode).toBe(1);
      const fatal = stderr.split('\n').find((line) => line.includes('"level":60'));
      expect(fatal).toMatch(explanation);
    },
  );
});
