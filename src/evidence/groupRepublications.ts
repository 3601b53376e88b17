import { groupNearDuplicates } from './groupNearDuplicates.js';

/** An article as republication grouping needs it. */
export interface RepublishableArticle {
  id: string;
  /** ISO date or date-time; `null` when unknown (sorted after every dated article). */
  published: string | null;
  /** The body, e.g. its paragraphs joined. */
  text: string;
}

/**
 * Groups articles that are one story republished (a wire copy run by another outlet with a new lead or
 * a trimmed end), with `groupNearDuplicates`' shingle Jaccard, so a republication counts as one source.
 *
 * @returns a group id for every article id: the id of the group's earliest-published member (ties and
 *   undated articles in input order). An article republished by nobody is its own group. Compares
 *   every pair: meant for the articles of one question's evidence or of one ingest batch, not an archive.
 */
export function groupRepublications(articles: readonly RepublishableArticle[]): Map<string, string> {
  const groupOf = new Map<string, string>();
  for (const group of groupNearDuplicates(articles, ({ text }) => text)) {
    const earliest = group.reduce((first, article) =>
      article.published !== null && (first.published === null || article.published < first.published)
        ? article
        : first,
    );
    for (const article of group) groupOf.set(article.id, earliest.id);
  }
  return groupOf;
}
