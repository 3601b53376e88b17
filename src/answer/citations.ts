import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import type { Citation } from './answer.js';

/** Discord shows a quote best when short; 200 characters is about two lines of an embed field. */
const quoteLength = 200;

/**
 * Cuts text to at most `limit` characters at a word boundary, marking the cut with an ellipsis.
 *
 * @param limit maximum length in UTF-16 code units, the ellipsis included.
 */
function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > limit / 2 ? cut.slice(0, boundary) : cut).trimEnd()}…`;
}

/**
 * Numbers the passages an answer uses, in order of first use, so `[1]` is the first source read.
 * Citing one passage twice reuses its number.
 */
export class CitationList {
  readonly citations: Citation[] = [];
  private readonly numberByPassage = new Map<string, number>();

  /**
   * Returns the citation number of `passage`, adding it with `quote` (the sentence cited, cut to
   * about 200 characters) the first time it is cited.
   */
  cite(
    passage: Pick<RetrievedPassage, 'passageId' | 'articleId' | 'title' | 'source' | 'published' | 'url'>,
    quote: string,
  ): number {
    const known = this.numberByPassage.get(passage.passageId);
    if (known !== undefined) return known;
    const n = this.citations.length + 1;
    this.numberByPassage.set(passage.passageId, n);
    this.citations.push({
      n,
      articleId: passage.articleId,
      title: passage.title,
      source: passage.source,
      published: passage.published,
      ...(passage.url ? { url: passage.url } : {}),
      passageId: passage.passageId,
      quote: truncateAtWord(quote, quoteLength),
    });
    return n;
  }
}
