/** The constant k of reciprocal rank fusion; 60 is the value Cormack, Clarke and Büttcher found best. */
export const reciprocalRankConstant = 60;

/**
 * Fuses several rankings of the same kind of item with reciprocal rank fusion: each item scores
 * Σ 1 / (k + rank) over the rankings it appears in (rank from 1), and the fused list is sorted by that
 * score (Cormack, Clarke & Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
 * rank learning methods", SIGIR 2009). Ties keep the order of first appearance.
 *
 * @param rankings lists of items, best first; an empty list contributes nothing.
 * @param keyOf identifies an item across rankings.
 * @returns each distinct item once (the first instance seen) with its fused score, best first.
 */
export function fuseRankings<T>(
  rankings: readonly (readonly T[])[],
  keyOf: (item: T) => string,
  k: number = reciprocalRankConstant,
): { item: T; score: number }[] {
  const fused = new Map<string, { item: T; score: number }>();
  for (const ranking of rankings) {
    for (const [index, item] of ranking.entries()) {
      const key = keyOf(item);
      const entry = fused.get(key) ?? { item, score: 0 };
      entry.score += 1 / (k + index + 1);
      fused.set(key, entry);
    }
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}

/**
 * Merges rankings by taking each one's best unseen item in turn (round-robin interleaving), so every
 * ranking's top items survive: unlike reciprocal rank fusion, an item only one ranking finds is not
 * buried under items both rankings know. Ties go to the earlier ranking.
 *
 * @param rankings lists of items, best first.
 * @param keyOf identifies an item across rankings.
 * @returns each distinct item once (the first instance seen), in merged order.
 */
export function interleaveRankings<T>(rankings: readonly (readonly T[])[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const merged: T[] = [];
  const longest = Math.max(0, ...rankings.map((ranking) => ranking.length));
  for (let rank = 0; rank < longest; rank += 1) {
    for (const ranking of rankings) {
      const item = ranking[rank];
      if (item === undefined || seen.has(keyOf(item))) continue;
      seen.add(keyOf(item));
      merged.push(item);
    }
  }
  return merged;
}
