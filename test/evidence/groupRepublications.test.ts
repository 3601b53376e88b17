import { describe, expect, it } from 'vitest';
import { groupRepublications } from '../../src/evidence/groupRepublications.js';
import { storyArticles } from './storyDev.js';

describe('groupRepublications', () => {
  it("returns the wire story's id for its republication and each other article's own id", () => {
    const groups = groupRepublications(
      storyArticles.map(({ id, published, paragraphs }) => ({ id, published, text: paragraphs.join('\n') })),
    );
    const wire = storyArticles.find(({ id }) => id.startsWith('004'))?.id;
    const courier = storyArticles.find(({ id }) => id.startsWith('005'))?.id ?? '';
    expect(groups.get(courier)).toBe(wire);
    expect(new Set(groups.values()).size).toBe(storyArticles.length - 1);
  });

  it('returns the earliest-published member as the group id whatever the input order', () => {
    const text =
      'Flood waters reached the old bridge on Tuesday as rain kept falling across the valley towns.';
    const groups = groupRepublications([
      { id: 'late', published: '2024-05-03', text },
      { id: 'undated', published: null, text },
      { id: 'early', published: '2024-05-01', text },
    ]);
    expect([...groups.values()]).toEqual(['early', 'early', 'early']);
  });
});
