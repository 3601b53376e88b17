import { afterEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/buildDigest.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const story = `Delegations from the three river states are due to gather for a water-sharing summit next week.

The summit was initially planned for Geneva, with foreign ministers attending. Organisers dropped that plan, citing security concerns raised by two delegations.

The summit will now take place in Vienna on Monday, a spokesperson for the organisers said.`;

function markdown(source: string, published: string, url: string, body: string): string {
  return `---\ntitle: Water-sharing summit moves to Vienna\nsource: ${source}\npublished: ${published}\nurl: ${url}\n---\n\n${body}\n`;
}

describe('buildDigest', () => {
  let fixture: KnowledgeFixture | undefined;
  afterEach(() => fixture?.cleanUp());

  it('returns one item listing every outlet when the same story arrives from several outlets', async () => {
    fixture = await createKnowledgeFixture();
    const from = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const today = new Date().toISOString().slice(0, 10);
    fixture.writeArticle('wire.md', markdown('Example Wire', today, 'https://wire.example/summit', story));
    fixture.writeArticle(
      'post.md',
      markdown(
        'Daily Post',
        today,
        'https://post.example/summit',
        `${story}\n\nThis article originally appeared in Example Wire.`,
      ),
    );
    await ingestKnowledge(fixture.context);

    const digest = buildDigest(
      fixture.context.database,
      { from, to: new Date().toISOString() },
      { backfillDays: 3 },
    );
    expect(digest.items).toHaveLength(1);
    const [item] = digest.items;
    expect(item).toMatchObject({
      articleIds: expect.arrayContaining(['wire', 'post']),
      title: 'Water-sharing summit moves to Vienna',
      outlets: expect.arrayContaining(['Example Wire', 'Daily Post']),
      published: today,
      url: expect.stringMatching(/^https:\/\/(wire|post)\.example\/summit$/),
    });
    expect(item?.points[0]?.text).toBe(
      'Delegations from the three river states are due to gather for a water-sharing summit next week.',
    );
    const stored = fixture.context.database.prepare('SELECT id FROM passages').pluck().all();
    for (const point of item?.points ?? []) expect(stored).toContain(point.passageId);
    expect(item?.points.map((point) => point.text).join(' ')).not.toMatch(/originally appeared/);
  });

  it('returns no items when nothing was ingested in the window', async () => {
    fixture = await createKnowledgeFixture();
    const now = new Date().toISOString();
    expect(buildDigest(fixture.context.database, { from: now, to: now }, { backfillDays: 3 }).items).toEqual(
      [],
    );
  });
});
