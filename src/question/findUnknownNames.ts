import { isShouting } from '../retrieval/terms.js';
import { isEnglishWord } from './isEnglishWord.js';

// Chat shorthand and emphasis: typed in capitals or not, these are not names ("is it still ON", "thx").
const chatWords: ReadonlySet<string> = new Set(
  `lol lmao rofl omg omfg thx thanks ty pls plz ok okay k idk tbh imo imho btw fyi asap wtf smh afaik iirc
np jk ppl rn u ur ya yeah yep yup nope hmm hm gonna wanna gotta dunno kinda sorta cuz coz bc tho thru
im ive id ill hi hey yo tl dr tldr eli5 aka etc vs ie eg am pm ama irl theyd theyll theyve youre youve youd
youll itll thatll whatll shouldve couldve wouldve mustve`.split(/\s+/),
);

// Calendar words are capitalised in English but say when, not who: the time scope reads them.
const calendarWords: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec tues thurs`.split(
    /\s+/,
  ),
);

/** Whether a word names a weekday or month ("Monday", "feb"), which says when rather than who. */
export function isCalendarWord(word: string): boolean {
  return calendarWords.has(word.toLowerCase());
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** Acronyms are at most this long; a longer run of capitals is shouting ("WHEREVER"). */
const maxAcronymLength = 6;

function isAcronym(raw: string): boolean {
  return (
    raw.length >= 2 &&
    raw.length <= maxAcronymLength &&
    /\p{Lu}/u.test(raw) &&
    !/\p{Ll}/u.test(raw) &&
    /^\p{L}/u.test(raw)
  );
}

function bareWord(raw: string): string {
  return raw.replace(/['’]s$/u, '').toLowerCase();
}

function readsAsName(raw: string, sentenceStart: boolean, shouting: boolean): boolean {
  const lower = bareWord(raw);
  if (chatWords.has(lower) || calendarWords.has(lower) || /^\p{N}/u.test(raw)) return false;
  if (!shouting && isAcronym(raw.replace(/['’]s$/u, '')))
    // "NOW", "AND", "NOT": a common word in capitals is emphasis; "IAEA", "FIFA" are not words.
    return lower.length <= 2 ? lower !== 'i' : !isEnglishWord(lower, false);
  if (/\p{N}/u.test(raw)) return false;
  if (!shouting && /^\p{Lu}/u.test(raw) && !sentenceStart) return lower.length > 1;
  // Lower case, or a sentence's first word: a name when it is no common English word.
  return lower.length >= 3 && !isEnglishWord(lower, false);
}

/**
 * The words of a question that look like names: capitalised words not at a sentence start, acronyms
 * ("IAEA", "FIFA"; not chat words such as "NOW", "LOL", "THX", "OK"), and words in any position and
 * case that are no common English word per Hunspell's en-US dictionary ("khamenei", "iaea", "geneva";
 * `isEnglishWord` with proper nouns excluded, plural, possessive and British spelling allowed). A
 * question written all in capitals is read in lower case. Weekday and month names are left to the time
 * scope. A misspelt common word ("negotiatons") is also a candidate: correct typos first.
 *
 * @param question any string; never throws. The first call builds the speller (see `isEnglishWord`).
 * @returns each candidate once (compared case-insensitively), as first typed, possessive removed.
 */
export function findNameCandidates(question: string): string[] {
  const shouting = isShouting(question);
  const seen = new Set<string>();
  const candidates: string[] = [];
  let lastEnd = 0;
  for (const match of question.matchAll(wordPattern)) {
    const raw = match[0];
    const between = question.slice(lastEnd, match.index);
    const sentenceStart = lastEnd === 0 || /[.!?:;\n]\s*["“'‘(]?\s*$/.test(between);
    lastEnd = match.index + raw.length;
    const word = raw.replace(/['’]s$/u, '');
    const key = word.toLowerCase();
    if (seen.has(key) || !readsAsName(raw, sentenceStart, shouting)) continue;
    seen.add(key);
    candidates.push(word);
  }
  return candidates;
}
