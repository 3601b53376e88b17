import { describe, expect, it } from 'vitest';
import { renderTimeline } from '../../src/discord/renderTimeline.js';
import type { Timeline, TimelineEntry } from '../../src/story/buildTimeline.js';
import { expectWithinDiscordLimits } from '../support/expectWithinDiscordLimits.js';

function entry(index: number): TimelineEntry {
  return {
    date: `2025-10-${String((index % 28) + 1).padStart(2, '0')}`,
    articleIds: [`a${index}`],
    outlets: Array.from({ length: 30 }, (_, outlet) => `Outlet ${outlet} [x](https://evil.example)`),
    title: `Story ${index} ${'headline words '.repeat(30)}`,
    url: index % 2 === 0 ? `https://example.org/${index}` : 'javascript:alert(1)',
    point: {
      text: `${index}. ${'Negotiators *argued* over pay late into the night. '.repeat(8)}`,
      passageId: `p${index}`,
      articleId: `a${index}`,
    },
  };
}

describe('renderTimeline', () => {
  it('returns pages within every Discord limit, lines whole and in order, when the timeline is long', () => {
    const timeline: Timeline = {
      newest: '2025-10-28',
      entries: Array.from({ length: 40 }, (_, index) => entry(index)),
      omitted: 3,
    };
    const pages = renderTimeline(timeline);
    expect(pages.length).toBeGreaterThan(1);
    expectWithinDiscordLimits(pages);
    const lines = pages.flatMap((page) =>
      page.embeds.flatMap((embed) => embed.description?.split('\n') ?? []),
    );
    expect(lines[0]).toBe(
      '40 developments in the archive, oldest first (newest last); 3 older left out. Newest article: 2025-10-28.',
    );
    const entryLines = lines.filter((line) => line.startsWith('**'));
    expect(entryLines.map((line) => Number(/«(\d+)\\\./.exec(line)?.[1]))).toEqual(
      Array.from({ length: 40 }, (_, index) => index),
    );
    expect(entryLines[0]).toContain('Negotiators \\*argued\\*');
    expect(entryLines[0]).toContain('Outlet 0 [x]\\(https');
    expect(entryLines[0]).toMatch(/» — \[Story 0 .*\]\(https:\/\/example\.org\/0\)$/);
    // A javascript: address is never linked.
    expect(entryLines[1]).toMatch(/» — \*Story 1 /);
  });

  it('returns one embed saying nothing was published when the window is empty', () => {
    expect(renderTimeline({ since: '2025-11-01', newest: '2025-10-21', entries: [], omitted: 0 })).toEqual([
      {
        embeds: [
          {
            title: 'Timeline since 2025-11-01',
            color: expect.any(Number),
            description: 'No dated article published since 2025-11-01. Newest article: 2025-10-21.',
          },
        ],
      },
    ]);
  });
});
