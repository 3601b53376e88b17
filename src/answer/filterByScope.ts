import type { TimeScope } from '../question/timeScope.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { toIsoDay } from './frameClaims.js';

// "Since the 14th", "after 8 Oct", "as of Monday": the reader asks what the articles had said by then,
// or what is new from then on. "In June", "last week", "on Wednesday" more often date the event asked
// about ("who started the war in June?") than the reports: those words stay in the search instead.
const windowPhrase = /^(since|after|from|as of|as at|by|up to|until|till)\b/i;
const windowOperators = new Set<TimeScope['operator']>(['asOf', 'whatsNew', 'timeline']);

/**
 * Whether a question's time scope restricts which articles may answer it (by publication day), rather
 * than dating the event it asks about.
 */
export function limitsPublication(scope: TimeScope): boolean {
  if (scope.from === undefined && scope.to === undefined) return false;
  if (windowOperators.has(scope.operator)) return true;
  return (
    (scope.operator === 'since' || scope.operator === 'after' || scope.operator === 'before') &&
    windowPhrase.test(scope.phrase?.trim() ?? '')
  );
}

/**
 * Leaves out passages of articles published after `today`: asked "as of" a day (`--today`, an eval's
 * `today`), the bot knows only what had been published by then. Undated articles are kept.
 *
 * @param today YYYY-MM-DD.
 */
export function publishedBy(passages: readonly RetrievedPassage[], today: string): RetrievedPassage[] {
  return passages.filter((passage) => (toIsoDay(passage.published) ?? '') <= today);
}

/**
 * Keeps the passages a time-scoped question may use (see `limitsPublication`): for "as of 8 Oct" only
 * articles published by then, for "since the 14th" only those published from then on. An undated
 * article is kept for an unscoped question and left out of a scoped one: nothing says it falls in the
 * window. Bounds are inclusive publication days (YYYY-MM-DD).
 *
 * @returns the passages in their retrieval order.
 */
export function filterByScope(passages: readonly RetrievedPassage[], scope: TimeScope): RetrievedPassage[] {
  if (!limitsPublication(scope)) return [...passages];
  return passages.filter((passage) => {
    const day = toIsoDay(passage.published);
    if (day === null) return false;
    return (scope.from === undefined || day >= scope.from) && (scope.to === undefined || day <= scope.to);
  });
}
