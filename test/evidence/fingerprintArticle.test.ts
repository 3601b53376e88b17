import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../src/evidence/fingerprintArticle.js';
import { toIndexedTerms } from '../../src/retrieval/indexedTerms.js';
import { storyArticles } from './storyDev.js';

const fingerprints = storyArticles.map(({ id, paragraphs }) => ({
  id,
  hashes: new Set(fingerprintArticle(paragraphs.map((paragraph) => toIndexedTerms(paragraph)))),
}));

function shared(a: Set<number>, b: Set<number>): number {
  return [...a].filter((hash) => b.has(hash)).length;
}

describe('fingerprintArticle', () => {
  it('returns sketches sharing at least two hashes for a wire story and its republication', () => {
    const wire = fingerprints.find(({ id }) => id.startsWith('004'));
    const copy = fingerprints.find(({ id }) => id.startsWith('005'));
    expect(wire?.hashes.size).toBe(8);
    expect(shared(wire?.hashes ?? new Set(), copy?.hashes ?? new Set())).toBeGreaterThanOrEqual(2);
  });

  it('returns sketches sharing fewer than two hashes for different reports of the same story', () => {
    const pairs = fingerprints.flatMap((a, index) =>
      fingerprints
        .slice(index + 1)
        .map((b) => ({ pair: `${a.id} ${b.id}`, count: shared(a.hashes, b.hashes) })),
    );
    const candidates = pairs.filter(({ count }) => count >= 2).map(({ pair }) => pair);
    expect(candidates).toEqual(['004_talks-moved-to-port-halvard 005_talks-moved-to-port-halvard-courier']);
  });

  it('returns one hash for a text shorter than a shingle and none for no text', () => {
    expect(fingerprintArticle(['strike'])).toHaveLength(1);
    expect(fingerprintArticle([''])).toEqual([]);
  });
});
