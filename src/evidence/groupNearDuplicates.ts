import { toIndexedTerms } from '../retrieval/indexedTerms.js';

/** Words per shingle: long enough that two different reports rarely share one, short enough to survive edits. */
const shingleLength = 4;
/**
 * Two texts whose shingle sets have a Jaccard similarity at or above this are one story republished.
 * A wire copy with a new headline, a changed lead or a trimmed ending stays well above it (0.7–1.0);
 * two outlets' own reports of the same event, sharing names and quotes, stay well below (under 0.15).
 */
export const nearDuplicateThreshold = 0.5;

/**
 * The 4-stem shingles of a text already made into retrieval stems (`toIndexedTerms`, split on spaces):
 * what near-duplicate measures compare. A text shorter than four stems is one shingle; none is none.
 */
export function shingleStems(stems: readonly string[]): Set<string> {
  if (stems.length < shingleLength) return new Set(stems.length > 0 ? [stems.join(' ')] : []);
  const shingles = new Set<string>();
  for (let index = 0; index + shingleLength <= stems.length; index += 1) {
    shingles.add(stems.slice(index, index + shingleLength).join(' '));
  }
  return shingles;
}

function shingle(text: string): Set<string> {
  return shingleStems(toIndexedTerms(text).split(' ').filter(Boolean));
}

/** |a ∩ b| / |a ∪ b|; 0 for two empty sets. */
export function measureJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Groups near-identical texts (the same story republished by several outlets): Jaccard similarity of
 * their sets of 4-stem shingles (stems as retrieval makes them, so case, punctuation and British or
 * American spelling do not matter) at or above `nearDuplicateThreshold`. Grouping is transitive.
 * Compares every pair: fine for a day's articles (tens), not for a whole archive.
 *
 * @param textOf the text to compare, e.g. an article's passages joined.
 * @returns groups in the order of their first member, members in input order; every item in exactly one.
 */
export function groupNearDuplicates<T>(items: readonly T[], textOf: (item: T) => string): T[][] {
  const shingles = items.map((item) => shingle(textOf(item)));
  const parent = items.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] ?? current;
    return current;
  };
  for (let a = 0; a < items.length; a += 1) {
    for (let b = a + 1; b < items.length; b += 1) {
      const similarity = measureJaccard(shingles[a] ?? new Set(), shingles[b] ?? new Set());
      if (similarity >= nearDuplicateThreshold)
        parent[Math.max(root(a), root(b))] = Math.min(root(a), root(b));
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, index) => {
    const key = root(index);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  });
  return [...groups.values()];
}
