import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { type DispatchedInteraction, readMessageBody } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/useTestBot.js';

const storyArticles = [
  '004_talks-moved-to-port-halvard.txt',
  '005_talks-moved-to-port-halvard-courier.txt',
  '006_first-round-no-deal.txt',
];
const hostile =
  '---\ntitle: Crane **schedule** for @everyone\nsource: Quay <@123456789012345678> News\npublished: 2025-10-20\nurl: https://example.org/cranes\n---\n\nOrganisers told @everyone at the quay that the **new** crane schedule starts on Monday after the vote.\n';

describe('timeline', () => {
  const testBot = useTestBot();

  /** Adds dev-story articles (and `extra` files) to the bot's knowledge folder and ingests them. */
  async function addArticles(extra: Record<string, string> = {}): Promise<void> {
    const { context } = testBot();
    for (const name of storyArticles) {
      await copyFile(
        join('test/fixtures/story-dev/articles', name),
        join(context.config.KNOWLEDGE_DIR, name),
      );
    }
    for (const [name, text] of Object.entries(extra))
      await writeFile(join(context.config.KNOWLEDGE_DIR, name), text);
    await ingestKnowledge(context);
  }

  function waitForEdit(interaction: DispatchedInteraction) {
    return testBot().fake.waitForRequest(
      (request) =>
        request.method === 'PATCH' && request.path.includes(interaction.token) && request.status === 200,
    );
  }

  it('defers publicly, then lists one dated, quoted line per story, oldest first, republications once', async () => {
    await addArticles();
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({ name: 'timeline', options: { since: '2025-10-09' } });
    const embeds = readMessageBody(await waitForEdit(interaction))?.embeds ?? [];
    expect(fake.requestsFor(interaction)[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.title).toBe('Timeline since 2025-10-09');
    const [heading, blank, ...lines] = (embeds[0]?.description ?? '').split('\n');
    expect(heading).toBe(
      '3 developments published since 2025-10-09, oldest first (newest last). Newest article: 2026-02-06.',
    );
    expect(blank).toBe('');
    // The seed article (2026) makes the timeline span two years, so every date carries its year.
    expect(lines).toEqual([
      expect.stringMatching(
        /^\*\*9 October 2025\*\* · Coastal Wire, The Midland Courier: «PORT HALVARD \(Coastal Wire\) — Mediated talks .*» — \*The Seafarers' Hall/,
      ),
      expect.stringMatching(
        /^\*\*12 October 2025\*\* · The Harbour Gazette: «The first round of mediated talks/,
      ),
      expect.stringMatching(/^\*\*6 February 2026\*\* · The New York Times: «Iranian and US officials/),
    ]);
  });

  // Ingest strips markdown from an article's body, not from its title or outlet: those are escaped here.
  it('escapes markdown and mentions from the articles and links the source', async () => {
    await addArticles({ 'cranes.md': hostile });
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({ name: 'timeline', options: { since: '2025-10-20' } });
    const description = readMessageBody(await waitForEdit(interaction))?.embeds?.[0]?.description ?? '';
    const line = description.split('\n')[2];
    expect(line).toBe(
      '**20 October 2025** · Quay <\u200b@123456789012345678> News: «Organisers told @\u200beveryone at the quay that the new crane schedule starts on Monday after the vote.» — [Crane \\*\\*schedule\\*\\* for @\u200beveryone](https://example.org/cranes)',
    );
  });

  it('replies privately with the format when since is not a date', async () => {
    const { fake } = testBot();
    const interaction = fake.dispatchCommand({ name: 'timeline', options: { since: 'last week' } });
    const reply = await fake.waitForRequest((request) => request.path.includes(interaction.token));
    expect(reply.body).toMatchObject({
      type: 4,
      data: { flags: 64, content: expect.stringMatching(/YYYY-MM-DD/) },
    });
  });
});
