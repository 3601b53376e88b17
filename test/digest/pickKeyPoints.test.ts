import { describe, expect, it } from 'vitest';
import { pickKeyPoints } from '../../src/digest/pickKeyPoints.js';
import type { Passage } from '../../src/knowledge/article.js';

function passages(...texts: string[]): Passage[] {
  return texts.map((text, ordinal) => ({ id: `p${ordinal}`, articleId: 'a', ordinal, text }));
}

describe('pickKeyPoints', () => {
  it('returns the lead first and at most three points, each with the passage it quotes', () => {
    const points = pickKeyPoints(
      passages(
        'Photograph: Reuters/Jane Doe, the delegations arriving at the summit venue in Vienna.',
        'The water-sharing summit moved from Geneva to Vienna after two delegations raised security concerns.',
        'The summit in Vienna opens on Monday. The three river states will discuss the dam releases at the summit.',
        'Security concerns at the Geneva venue were raised by two delegations, the organisers of the summit said.',
        'A local bakery near the station sold out of pastries early on Saturday morning, its owner said happily.',
      ),
    );
    expect(points[0]).toEqual({
      text: 'The water-sharing summit moved from Geneva to Vienna after two delegations raised security concerns.',
      passageId: 'p1',
    });
    expect(points.length).toBeLessThanOrEqual(3);
    expect(points.map((point) => point.text).join(' ')).not.toMatch(/bakery|Photograph/);
    for (const point of points) expect(point.passageId).toMatch(/^p[1-4]$/);
  });

  it('skips syndication and credit lines when they come first', () => {
    const points = pickKeyPoints(
      passages(
        'This article originally appeared in The Example Times and is republished with permission.',
        'Additional reporting by John Smith in Muscat; editing by Jane Roe and the overnight desk.',
        'Iranian and US officials met in Muscat on Friday for their first direct talks in months.',
      ),
    );
    expect(points).toEqual([
      {
        text: 'Iranian and US officials met in Muscat on Friday for their first direct talks in months.',
        passageId: 'p2',
      },
    ]);
  });

  it('returns the statements of a flash made only of short sentences, its first as the lead', () => {
    const points = pickKeyPoints(
      passages('The ferry talks collapsed. The union walked out.', 'No new date was set.'),
    );
    expect(points[0]).toEqual({ text: 'The ferry talks collapsed.', passageId: 'p0' });
  });

  it('returns no points when the article has only captions and fragments', () => {
    expect(
      pickKeyPoints(passages('Photo: AP', 'Read more: our coverage of the talks in one place.')),
    ).toEqual([]);
  });
});
