import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DispatchedInteraction, memberPermissions, readMessageBody } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/useTestBot.js';

describe('commands', () => {
  const testBot = useTestBot();

  /** The first message the bot sent for an interaction: its reply, or the edit of its deferral. */
  async function firstMessage(interaction: DispatchedInteraction) {
    const request = await testBot().fake.waitForRequest(
      (candidate) => candidate.path.includes(interaction.token) && readMessageBody(candidate) !== undefined,
    );
    return { request, message: readMessageBody(request) };
  }

  it('lists the seed article with its outlet and date when /sources is used', async () => {
    const interaction = testBot().fake.dispatchCommand({ name: 'sources' });
    const { request, message } = await firstMessage(interaction);
    expect(request.body).toMatchObject({ type: 4 });
    expect(message?.flags ?? 0).toBe(0);
    const description = message?.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/^1\. \*\*Iran and the US.*\*\* — The New York Times · 2026-02-06$/);
  });

  it('lists only the matching articles when /sources has a query', async () => {
    const { fake, context } = testBot();
    const article =
      '---\ntitle: Quokkas return\nsource: Island Times\npublished: 2026-03-01\nurl: https://example.org/q\n---\n\nQuokkas returned to the island.\n';
    await writeFile(join(context.config.KNOWLEDGE_DIR, 'quokkas.md'), article);
    fake.dispatchCommand({ name: 'reindex', permissions: memberPermissions.manageServer });
    await fake.waitForRequest((request) => request.method === 'PATCH');
    const { message } = await firstMessage(
      fake.dispatchCommand({ name: 'sources', options: { query: 'quokkas' } }),
    );
    expect(message?.embeds?.[0]?.title).toBe('Articles matching “quokkas”');
    expect(message?.embeds?.[0]?.description).toBe(
      '1. [Quokkas return](https://example.org/q) — Island Times · 2026-03-01',
    );
  });

  it('tells coverage, counts, newest date, last refresh and the extractive mode when /about is used', async () => {
    const { message } = await firstMessage(testBot().fake.dispatchCommand({ name: 'about' }));
    const embed = message?.embeds?.[0];
    expect(embed?.description).toMatch(
      /1 curated article\(s\) from The New York Times, published 2026-02-06/,
    );
    const fields = Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields).toMatchObject({ Articles: '1', 'Newest article': '2026-02-06' });
    expect(Number(fields.Passages)).toBeGreaterThan(0);
    expect(fields['Knowledge refreshed']).toMatch(/^<t:\d+:f> \(<t:\d+:R>\)$/);
    expect(fields.Answers).toMatch(/^Extractive/);
  });

  it('refuses /reindex privately when the member lacks Manage Server', async () => {
    const interaction = testBot().fake.dispatchCommand({
      name: 'reindex',
      permissions: memberPermissions.everyday,
    });
    const { request, message } = await firstMessage(interaction);
    expect(request.body).toMatchObject({ type: 4 });
    expect(message?.flags).toBe(64);
    expect(message?.content).toMatch(/Manage Server/);
  });

  it('re-reads the knowledge folder privately when the member has Manage Server', async () => {
    const interaction = testBot().fake.dispatchCommand({
      name: 'reindex',
      permissions: memberPermissions.manageServer,
    });
    const { message } = await firstMessage(interaction);
    expect(testBot().fake.requestsFor(interaction)[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(message?.embeds?.[0]?.description).toMatch(
      /0 added, 0 updated, 1 unchanged, 0 removed; \d+ passages/,
    );
  });
});
