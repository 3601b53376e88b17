import { groupNearDuplicates } from '../evidence/groupNearDuplicates.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';

/** A retrieved passage standing for itself and any republished copies of it. */
export type CollapsedPassage = RetrievedPassage & {
  /** Outlets of the copies collapsed into this one, other than its own, in retrieval order. */
  republishedBy: string[];
};

function publishedOrder(passage: RetrievedPassage): string {
  // Undated copies sort last: a dated copy says when the story first ran.
  return passage.published ?? '9999';
}

/**
 * Collapses passages that are one story republished (a wire copy run by another outlet a day later,
 * near-identical text by the digest's shingle measure) into the earliest-published copy, so one
 * report counts once: it is quoted once, cited to the outlet that ran it first, and never mistaken for
 * a second source agreeing or disagreeing. The group takes the retrieval rank of its best-ranked copy.
 * Compares every pair of passages: meant for the few dozen retrieved for one question.
 *
 * @returns passages in retrieval order, one per group, each naming the outlets of its other copies.
 */
export function collapseRepublications(passages: readonly RetrievedPassage[]): CollapsedPassage[] {
  const groups = groupNearDuplicates(passages, (passage) => passage.text);
  return groups.map((group) => {
    const original = [...group].sort((a, b) => publishedOrder(a).localeCompare(publishedOrder(b)))[0];
    const first = group[0] as RetrievedPassage;
    const kept = original ?? first;
    const republishedBy = [
      ...new Set(group.flatMap((copy) => (copy.source && copy.source !== kept.source ? [copy.source] : []))),
    ];
    // The best copy's score and place: its rank is the group's.
    return { ...kept, score: first.score, republishedBy };
  });
}
