import { readPassages } from '../digest/groupStories.js';
import { groupRepublications } from '../evidence/groupRepublications.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { findFingerprintMatches } from '../storage/articleFingerprints.js';
import type { NewsdeskDatabase } from '../storage/database.js';

function articleText(database: NewsdeskDatabase, articleId: string): string {
  return readPassages(database, articleId)
    .map(({ text }) => text)
    .join('\n');
}

/**
 * Marks the retrieved passages of articles that republish an earlier article by another outlet (a
 * wire story run again a day later, its closing "This article originally appeared in …" line its
 * own), so the answer can say whose report a quote of the copy is: "The Midland Courier, 10 October
 * (republished from Coastal Wire, 9 October)". Candidates come from the fingerprints written at ingest
 * (`findFingerprintMatches`); the whole articles must then be near-identical (`groupRepublications`),
 * so a shared quote paragraph makes no copy. Reads article text only for candidates: none for most
 * questions.
 *
 * @returns the passages in their order; those of a copy carry `republishes` (the original's outlet
 *   and publish date), the others are returned as they are.
 */
export function markRepublications(
  database: NewsdeskDatabase,
  passages: readonly RetrievedPassage[],
): RetrievedPassage[] {
  const originals = new Map<string, RetrievedPassage['republishes']>();
  for (const { articleId, source, published } of new Map(
    passages.map((passage) => [passage.articleId, passage]),
  ).values()) {
    const others = findFingerprintMatches(database, articleId).filter(
      (other) => other.source !== null && other.source !== source,
    );
    if (source === null || others.length === 0) continue;
    const groupOf = groupRepublications(
      [{ articleId, source, published }, ...others].map((article) => ({
        id: article.articleId,
        published: article.published,
        text: articleText(database, article.articleId),
      })),
    );
    const original = others.find((other) => other.articleId === groupOf.get(articleId));
    if (original) originals.set(articleId, { source: original.source, published: original.published });
  }
  return passages.map((passage) => {
    const republishes = originals.get(passage.articleId);
    return republishes ? { ...passage, republishes } : passage;
  });
}
