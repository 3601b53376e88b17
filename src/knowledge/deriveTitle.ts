import { splitIntoSentences } from './splitIntoPassages.js';

/** Longest derived title, in characters (before the ellipsis): about one line of a source list. */
const maxTitleLength = 120;

/**
 * Makes a title for an article that does not state one: the first sentence of `text`, without its
 * final period, cut at a word boundary (with "…") when longer than 120 characters.
 *
 * @param text a caption or the article's first paragraph; must not be blank.
 */
export function deriveTitle(text: string): string {
  const sentence = (splitIntoSentences(text)[0] ?? text).replace(/\s+/g, ' ').trim();
  if (sentence.length <= maxTitleLength) return sentence.replace(/(?<=\w)\.$/, '');
  const head = sentence.slice(0, maxTitleLength + 1);
  const boundary = head.lastIndexOf(' ');
  // A boundary very early would leave a stub; then cutting mid-word reads better than three words.
  const cut = boundary > maxTitleLength / 2 ? head.slice(0, boundary) : head.slice(0, maxTitleLength);
  return `${cut.replace(/[\s,;:—–-]+$/u, '')}…`;
}
