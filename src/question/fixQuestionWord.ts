import { distance } from 'fastest-levenshtein';
import { isEnglishWord } from './isEnglishWord.js';

const questionWords = ['what', 'where', 'when', 'which', 'who', 'whom', 'whose', 'why', 'how'];

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const letter of long) if (letter === short[at]) at += 1;
  return at === short.length;
}

/**
 * Mends a misspelt question word at the start of a question ("wher were the talks …?" → "where were
 * the talks …?"), which would otherwise be read as an unknown name and leave the question without its
 * kind: a first word of three letters or more, no English word (Hunspell en-US), one edit from a
 * question word; a dropped letter ("wher" for "where") wins over a changed one ("when"). A question
 * word's "'s" typed without its apostrophe ("whats", "whos") gets it back.
 *
 * @param question any string, never throws. Returned unchanged when its words are fine.
 */
export function fixQuestionWord(question: string): string {
  // "Whats", "whos", "wheres": chat drops the apostrophe of a question word's "'s", which every reading
  // of the question expects.
  const text = question.replace(/\b(what|who|where|when|how|why)s\b/gi, "$1's");
  const match = /^(\W*)(\p{L}{3,6})\b/u.exec(text);
  const typed = match?.[2];
  if (!match || typed === undefined) return text;
  const lower = typed.toLowerCase();
  if (questionWords.includes(lower) || isEnglishWord(lower)) return text;
  const near = questionWords.filter((word) => distance(word, lower) === 1);
  const fixed = near.find((word) => isSubsequence(lower, word)) ?? (near.length === 1 ? near[0] : undefined);
  return fixed === undefined ? text : `${match[1]}${fixed}${text.slice(match[0].length)}`;
}
