const attributionPattern = /^This article (?:originally|first) appeared (?:in|on) (.+?)\.?$/i;

/**
 * Finds the outlet named by a syndication line such as "This article originally appeared in The New
 * York Times." when it is the article's last paragraph (where syndicated copies put it).
 *
 * @returns the outlet's name as written, or `null` when there is no such line.
 */
export function findOutlet(paragraphs: string[]): string | null {
  const last = paragraphs.at(-1);
  if (last === undefined || last.length > 200) return null;
  return attributionPattern.exec(last)?.[1]?.trim() || null;
}
