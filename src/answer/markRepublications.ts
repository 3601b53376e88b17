import { readPassages } from '../digest/groupStories.js';
import { groupNearDuplicates } from '../evidence/groupNearDuplicates.js';
import { groupRepublications } from '../evidence/groupRepublications.js';
import { type RetrievedPassage, searchPassages } from '../retrieval/searchPassages.js';
import type { NewsdeskDatabase } from '../storage/database.js';

/** The best-retrieved articles whose copies are looked for even when no copy was retrieved. */
const probedArticles = 3;
/** Passages searched for with a probed article's longest passage: its copy's version ranks near the top. */
const probeDepth = 4;

function longestPassage(database: NewsdeskDatabase, articleId: string): string {
  return readPassages(database, articleId).reduce(
    (longest, { text }) => (text.length > longest.length ? text : longest),
    '',
  );
}

/**
 * Passages of other outlets' articles near-identical to a passage of one of the best-retrieved
 * articles: the question may have found only a copy's own lines ("This article originally appeared
 * in …"), never the text it shares with its original.
 */
function findCopiesOfBestArticles(
  database: NewsdeskDatabase,
  passages: readonly RetrievedPassage[],
): RetrievedPassage[] {
  const best = [...new Map(passages.map((passage) => [passage.articleId, passage])).values()];
  return best.slice(0, probedArticles).flatMap((passage) => {
    const probe = longestPassage(database, passage.articleId);
    const found = searchPassages(database, probe, probeDepth).passages;
    const hasCopy = found.some(
      (other) => other.articleId !== passage.articleId && other.source !== passage.source,
    );
    return hasCopy ? found : [];
  });
}

/**
 * Marks the retrieved passages of articles that republish an earlier article by another outlet (a
 * wire story run again a day later, its closing "This article originally appeared in …" line its
 * own), so the answer can say whose report a quote of the copy is: "The Midland Courier, 10 Oct
 * (republished from Coastal Wire, 9 Oct)". Two articles are candidates only when two of their
 * retrieved passages are near-identical (`groupNearDuplicates`); the whole articles must then be
 * near-identical too (`groupRepublications`), so one shared quote paragraph makes no copy. Reads only
 * the candidates' passages: none for most questions.
 *
 * @returns the passages in their order; those of a copy carry `republishes` (the original's outlet
 *   and publish date), the others are returned as they are.
 */
export function markRepublications(
  database: NewsdeskDatabase,
  passages: readonly RetrievedPassage[],
): RetrievedPassage[] {
  const candidates = new Map<string, RetrievedPassage>();
  const pool = [...passages, ...findCopiesOfBestArticles(database, passages)];
  for (const group of groupNearDuplicates(pool, (passage) => passage.text)) {
    const outlets = new Set(group.map((passage) => passage.source));
    if (outlets.size < 2 || outlets.has(null)) continue;
    for (const passage of group) candidates.set(passage.articleId, passage);
  }
  if (candidates.size < 2) return [...passages];
  const groupOf = groupRepublications(
    [...candidates.values()].map(({ articleId, published }) => ({
      id: articleId,
      published,
      text: readPassages(database, articleId)
        .map(({ text }) => text)
        .join('\n'),
    })),
  );
  return passages.map((passage) => {
    const originalId = groupOf.get(passage.articleId);
    const original = originalId === undefined ? undefined : candidates.get(originalId);
    if (original === undefined || originalId === passage.articleId || original.source === passage.source)
      return passage;
    return { ...passage, republishes: { source: original.source, published: original.published } };
  });
}
