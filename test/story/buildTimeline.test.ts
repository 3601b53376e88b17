import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/story/buildTimeline.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

/** Dev-story articles by file name, as the test's extra knowledge files. */
function storyArticles(...names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => [name, readFileSync(`test/fixtures/story-dev/articles/${name}`, 'utf8')]),
  );
}

const undated =
  '---\ntitle: Harbour history\nsource: Coastal Wire\n---\n\nThe harbour at Port Halvard was first dredged for container ships more than forty years ago.\n';

describe('buildTimeline', () => {
  let fixture: KnowledgeFixture | undefined;
  afterEach(() => fixture?.cleanUp());

  it('returns one entry listing both outlets when a story is republished, quoting the earliest copy', async () => {
    fixture = await createKnowledgeFixture(
      storyArticles('004_talks-moved-to-port-halvard.txt', '005_talks-moved-to-port-halvard-courier.txt'),
    );
    const { entries } = buildTimeline(fixture.context.database, { until: '2025-12-31' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      date: '2025-10-09',
      articleIds: ['004_talks-moved-to-port-halvard', '005_talks-moved-to-port-halvard-courier'],
      outlets: ['Coastal Wire', 'The Midland Courier'],
      point: {
        text: expect.stringMatching(
          /^PORT HALVARD \(Coastal Wire\) — Mediated talks .* container terminal will be held/,
        ),
        articleId: '004_talks-moved-to-port-halvard',
        passageId: expect.stringMatching(/^004_talks-moved-to-port-halvard:/),
      },
    });
  });

  it('returns only the stories published inside the window, both ends included, oldest first', async () => {
    fixture = await createKnowledgeFixture(
      storyArticles(
        '003_minister-rejects-back-to-work-law.txt',
        '004_talks-moved-to-port-halvard.txt',
        '006_first-round-no-deal.txt',
        '007_employers-raise-offer.txt',
      ),
    );
    const timeline = buildTimeline(fixture.context.database, { since: '2025-10-09', until: '2025-10-14' });
    expect(timeline.entries.map(({ date }) => date)).toEqual(['2025-10-09', '2025-10-12', '2025-10-14']);
    expect(timeline).toMatchObject({ since: '2025-10-09', until: '2025-10-14', omitted: 0 });
    // The seed article (2026-02-06) is outside the window but still the archive's newest.
    expect(timeline.newest).toBe('2026-02-06');
  });

  it('keeps the newest entries and counts the older ones left out when more than the limit qualify', async () => {
    fixture = await createKnowledgeFixture(
      storyArticles(
        '001_strike-shuts-halvard-terminal.txt',
        '002_strike-cost-meridian-shares.txt',
        '003_minister-rejects-back-to-work-law.txt',
      ),
    );
    const timeline = buildTimeline(fixture.context.database, { limit: 2 });
    expect(timeline.entries.map(({ date }) => date)).toEqual(['2025-10-08', '2026-02-06']);
    expect(timeline.omitted).toBe(2);
  });

  it('leaves undated articles out', async () => {
    fixture = await createKnowledgeFixture({ 'history.md': undated });
    const timeline = buildTimeline(fixture.context.database);
    expect(timeline.entries.map(({ articleIds }) => articleIds)).toEqual([['000_5a94281ece3b6005']]);
  });

  it('quotes another key point when the lead only restates an earlier entry', async () => {
    const lead =
      'Dock workers at the Halvard Container Terminal walked off the job on Monday over pay and automation.';
    const article = (title: string, published: string, body: string) =>
      `---\ntitle: ${title}\nsource: ${title} Times\npublished: ${published}\n---\n\n${lead}\n\n${body}\n`;
    fixture = await createKnowledgeFixture({
      'first.md': article(
        'First',
        '2025-10-06',
        'Pickets lined Terminal Road from dawn, and the only vehicles let through were two ambulances.',
      ),
      'second.md': article(
        'Second',
        '2025-10-07',
        'The harbour authority said fourteen container ships were waiting at anchor in the estuary by Tuesday.\n\nShares in the terminal operator fell sharply in early trading on Tuesday, analysts reported.',
      ),
    });
    const { entries } = buildTimeline(fixture.context.database, { until: '2025-12-31' });
    expect(entries.map(({ point }) => point.text)).toEqual([
      lead,
      expect.not.stringContaining('walked off the job'),
    ]);
  });
});
