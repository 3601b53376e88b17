import { afterEach, describe, expect, it } from 'vitest';
import { selectDigestArticles } from '../../src/digest/selectDigestArticles.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

function article(title: string, published: string | null): string {
  const date = published ? `published: ${published}\n` : '';
  return `---\ntitle: ${title}\nsource: Example Wire\n${date}---\n\n${title} happened today, officials said on Monday.\n`;
}

const dayMs = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('selectDigestArticles', () => {
  let fixture: KnowledgeFixture | undefined;
  afterEach(() => fixture?.cleanUp());

  async function ingestAfterWindowStart(articles: Record<string, string>) {
    fixture = await createKnowledgeFixture();
    const from = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const [name, text] of Object.entries(articles)) fixture.writeArticle(name, text);
    await ingestKnowledge(fixture.context);
    return { from, to: new Date().toISOString() };
  }

  function database() {
    if (!fixture) throw new Error('no fixture');
    return fixture.context.database;
  }

  it('returns only articles first ingested inside the window when older ones are stored', async () => {
    const now = Date.now();
    const window = await ingestAfterWindowStart({ 'fresh.md': article('Fresh talks', isoDate(now)) });
    const titles = selectDigestArticles(database(), window, 3).map((found) => found.title);
    expect(titles).toEqual(['Fresh talks']);
  });

  it('leaves out back-filled articles published more than the cut-off before the window when added late', async () => {
    const now = Date.now();
    const window = await ingestAfterWindowStart({
      'recent.md': article('Recent talks', isoDate(now - 2 * dayMs)),
      'old.md': article('Old talks', isoDate(now - 10 * dayMs)),
      'undated.md': article('Undated talks', null),
    });
    const titles = (days: number) =>
      selectDigestArticles(database(), window, days).map((found) => found.title);
    expect(titles(3)).toEqual(['Recent talks', 'Undated talks']);
    expect(titles(30)).toEqual(['Old talks', 'Recent talks', 'Undated talks']);
  });

  it('returns nothing when the window ends before the articles arrived', async () => {
    const window = await ingestAfterWindowStart({ 'late.md': article('Late talks', isoDate(Date.now())) });
    expect(selectDigestArticles(database(), { from: window.from, to: window.from }, 3)).toEqual([]);
  });
});
