import { describe, expect, it } from 'vitest';
import type { Digest, DigestItem } from '../../src/digest/buildDigest.js';
import { renderDigest } from '../../src/discord/renderDigest.js';
import { expectWithinDiscordLimits } from '../support/expectWithinDiscordLimits.js';

const window = { from: '2026-03-09T08:00:00.000Z', to: '2026-03-10T08:00:00.000Z' };

function item(index: number): DigestItem {
  const long = `@everyone <@123> **bold** ${'Negotiators argued over enrichment limits late into the night. '.repeat(20)}`;
  return {
    articleIds: [`a${index}`],
    title: `Story ${index} ${'headline words '.repeat(30)}`,
    outlets: ['Example Wire', 'Daily Post'],
    published: '2026-03-10',
    url: index % 2 === 0 ? `https://example.org/${index}` : 'javascript:alert(1)',
    points: [1, 2, 3].map((point) => ({ text: `${point}. ${long}`, passageId: `p${index}-${point}` })),
  };
}

describe('renderDigest', () => {
  it('returns pages within every Discord limit, items in order, when the digest is long', () => {
    const digest: Digest = { window, items: Array.from({ length: 40 }, (_, index) => item(index)) };
    const pages = renderDigest(digest, 'Daily digest · 2026-03-10');
    expect(pages.length).toBeGreaterThan(1);
    expectWithinDiscordLimits(pages);
    const titles = pages.flatMap((page) => page.embeds.map((embed) => embed.title ?? ''));
    expect(titles[0]).toBe('Daily digest · 2026-03-10');
    expect(titles.slice(1).map((title) => Number(/^Story (\d+)/.exec(title)?.[1]))).toEqual(
      Array.from({ length: 40 }, (_, index) => index),
    );
  });

  it('escapes article text and links only web addresses when items carry hostile text', () => {
    const [page] = renderDigest({ window, items: [item(0), item(1)] }, 'Daily digest');
    const [, first, second] = page?.embeds ?? [];
    expect(first?.description).toContain('@\u200beveryone');
    expect(first?.description).toContain('\\*\\*bold\\*\\*');
    expect(first?.description).toMatch(/^Example Wire · Daily Post — 2026-03-10\n• /);
    expect(first?.url).toBe('https://example.org/0');
    expect(second?.url).toBeUndefined();
  });

  it('returns one short line when there is no new coverage', () => {
    expect(renderDigest({ window, items: [] }, 'Daily digest · 2026-03-10')).toEqual([
      { content: 'Daily digest · 2026-03-10: no new coverage since <t:1773043200:f>.', embeds: [] },
    ]);
  });
});
