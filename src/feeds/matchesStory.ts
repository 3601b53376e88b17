/**
 * Reads comma-separated keywords ("Harbour strike, port talks") as trimmed, lower-cased phrases.
 *
 * @returns the non-empty keywords, each once, in the order given.
 */
export function parseKeywords(text: string | undefined): string[] {
  if (text === undefined) return [];
  const keywords = text.split(',').map((keyword) => keyword.trim().replace(/\s+/g, ' ').toLowerCase());
  return [...new Set(keywords.filter((keyword) => keyword !== ''))];
}

function toWholeWordPattern(keyword: string): RegExp {
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  // Letters and digits of any script bound a word, so "port" matches "Port." but not "transport".
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Whether a feed item belongs to the story: some keyword occurs in one of `texts` as a whole word or
 * phrase, case-insensitively. With no keywords every item belongs.
 *
 * @param keywords from parseKeywords: the feed's own, else STORY_KEYWORDS.
 * @param texts the item's title, summary and extracted article text.
 */
export function matchesStory(keywords: readonly string[], texts: readonly (string | null)[]): boolean {
  if (keywords.length === 0) return true;
  const patterns = keywords.map(toWholeWordPattern);
  return texts.some((text) => text !== null && patterns.some((pattern) => pattern.test(text)));
}
