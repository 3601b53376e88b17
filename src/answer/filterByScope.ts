import type { TimeScope } from '../question/timeScope.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { toIsoDay } from './frameClaims.js';

/**
 * Keeps the passages a time-scoped question may use: for "as of 8 Oct" (and "before") only articles
 * published by then, for "since the 14th" (and "after") only those published from then on, for
 * "between" both bounds. An undated article is kept for an unscoped question and left out of a scoped
 * one: nothing says it falls in the window. Bounds are inclusive publication days (YYYY-MM-DD).
 *
 * @returns the passages in their retrieval order.
 */
export function filterByScope(passages: readonly RetrievedPassage[], scope: TimeScope): RetrievedPassage[] {
  if (scope.from === undefined && scope.to === undefined) return [...passages];
  return passages.filter((passage) => {
    const day = toIsoDay(passage.published);
    if (day === null) return false;
    return (scope.from === undefined || day >= scope.from) && (scope.to === undefined || day <= scope.to);
  });
}
