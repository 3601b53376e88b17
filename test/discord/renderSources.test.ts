import { describe, expect, it } from 'vitest';
import { measureEmbed } from '../../src/discord/packEmbeds.js';
import { renderSources } from '../../src/discord/renderSources.js';
import type { ArticleSummary } from '../../src/knowledge/article.js';

function createArticle(index: number, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: `article-${index}`,
    title: `Article ${index}`,
    source: 'The Outlet',
    url: `https://example.org/${index}`,
    published: '2026-02-06T09:00:00Z',
    firstIngestedAt: '2026-02-07T00:00:00Z',
    ...overrides,
  };
}

describe('renderSources', () => {
  it('returns numbered lines with linked title, outlet and date when articles are known', () => {
    const [page] = renderSources([
      createArticle(1),
      createArticle(2, { url: null, source: null, published: null }),
    ]);
    expect(page?.embeds[0]?.description).toBe(
      '1. [Article 1](https://example.org/1) — The Outlet · 2026-02-06\n2. **Article 2** — Unknown outlet · undated',
    );
  });

  it('returns at most 50 articles across pages within the limits, and how to narrow, when there are many', () => {
    const articles = Array.from({ length: 80 }, (_, index) =>
      createArticle(index, { title: `${'Long '.repeat(60)}${index}` }),
    );
    const pages = renderSources(articles);
    for (const page of pages) {
      expect(page.embeds.reduce((total, embed) => total + measureEmbed(embed), 0)).toBeLessThanOrEqual(6000);
    }
    const lines = pages.flatMap((page) =>
      page.embeds.flatMap((embed) => (embed.description ?? '').split('\n')),
    );
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toBe('…and 30 more. Narrow the list with `/sources query:`.');
  });

  it('returns an escaped query in the title and a hint when nothing matches', () => {
    const [page] = renderSources([], '@everyone *x*');
    expect(page?.embeds[0]?.title).toBe('Articles matching “@\u200beveryone \\*x\\*”');
    expect(page?.embeds[0]?.description).toMatch(/No article matches/);
  });
});
