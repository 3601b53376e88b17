import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, readMessageBody, startFakeDiscord } from '../support/fakeDiscord.js';
import { repositoryRoot, runStartScript } from '../support/runEntryPoint.js';
import { seedKnowledgeDir } from '../support/startTestBot.js';

const answersInFlight = 20;

describe('npm start (compiled JavaScript under plain node)', () => {
  let fake: FakeDiscord;
  let directory: string;
  beforeAll(async () => {
    // The compiled entry is what production runs; `prestart` builds it the same way.
    await promisify(execFile)('npm', ['run', 'build'], { cwd: repositoryRoot });
    fake = await startFakeDiscord();
    directory = await mkdtemp(join(tmpdir(), 'newsdesk-compiled-'));
    await cp(seedKnowledgeDir, join(directory, 'knowledge'), { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await fake?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('lets every answer in flight finish and exits 0 when its whole process group gets SIGTERM twice and SIGINT', async () => {
    const run = await runStartScript({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_DIR: join(directory, 'knowledge'),
      DATABASE_PATH: join(directory, 'newsdesk.sqlite'),
    });
    await fake.waitForIdentify();
    const interactions = Array.from({ length: answersInFlight }, () => {
      const interaction = fake.dispatchCommand({
        name: 'ask',
        options: { question: 'Where are the talks being held?' },
      });
      // Each final answer is held back a second by a 429, so all of them are still in flight below.
      fake.rateLimitNext(
        (request) => request.method === 'PATCH' && request.path.includes(interaction.token),
        1,
      );
      return interaction;
    });
    await Promise.all(
      interactions.map((interaction) =>
        fake.waitForRequest((request) => request.path.includes(interaction.token) && request.status === 429),
      ),
    );
    const pid = run.child.pid ?? 0;
    const shuttingDown = new Promise<void>((resolve) =>
      run.child.stderr?.on('data', (chunk: Buffer) => chunk.includes('shutting down') && resolve()),
    );
    process.kill(-pid, 'SIGTERM');
    await shuttingDown;
    // What npm or a shell relaying the group's signal adds: more signals must not cut the grace short.
    process.kill(-pid, 'SIGTERM');
    process.kill(-pid, 'SIGINT');
    const { code, signal, stderr } = await run.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    for (const interaction of interactions) {
      const answer = fake
        .requestsFor(interaction)
        .find((request) => request.method === 'PATCH' && request.status === 200);
      expect(readMessageBody(answer)?.embeds?.[0]?.description).toMatch(/Muscat/);
    }
    expect(stderr).toContain('"msg":"bot stopped"');
  });
});
