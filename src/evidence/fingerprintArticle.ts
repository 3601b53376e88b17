import { shingleStems } from './groupNearDuplicates.js';

/**
 * Hashes kept per article: two copies of one story (shingle Jaccard 0.7–1.0) share at least two of
 * their eight with probability above 99.8% (binomial, p = 0.7), and an article costs eight index rows.
 */
export const fingerprintSize = 8;

// FNV-1a, 32 bits: fast, and spread well enough over short strings for bottom-k sampling.
function hashShingle(shingle: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < shingle.length; index += 1) {
    hash ^= shingle.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A bottom-k MinHash sketch of an article (Broder, "On the resemblance and containment of documents",
 * 1997): the eight smallest hashes of its 4-stem shingles (`shingleStems`). Articles whose sketches
 * share two or more hashes are candidates for one story republished, to be confirmed on their whole
 * text (`groupRepublications`); the sketch only saves comparing every pair.
 *
 * @param passageTerms each passage's indexed terms (`toIndexedTerms`), in reading order.
 * @returns up to eight distinct unsigned 32-bit hashes, smallest first; fewer for a very short article.
 */
export function fingerprintArticle(passageTerms: readonly string[]): number[] {
  const stems = passageTerms.join(' ').split(' ').filter(Boolean);
  const hashes = [...shingleStems(stems)].map(hashShingle).sort((a, b) => a - b);
  return [...new Set(hashes)].slice(0, fingerprintSize);
}
