import type { RetrievedPassage } from '../retrieval/searchPassages.js';

/** A neighbouring sentence that names who spoke a quote, and on which side of it it stands. */
export interface Attribution {
  text: string;
  passage: RetrievedPassage;
  side: 'before' | 'after';
}

const quotation = /[“"«][^”"»]{12,}[”"»]?/u;
// The second sentence of a quotation ("… and they knew I was lying.”) opens no quote of its own.
const closesQuotation = /^[^“"«]{12,}[”"»]\W*$/u;
const quotedSpan = /[“"«][^”"»]*(?:[”"»]|$)/gu;
const sayingVerb =
  /\b(said|says|told|tells|added|adds|asked|wrote|writes|declared|insisted|argued|warned|stated|according to|remarks?|comments?|came from|spoke|speaking|described|describes|(?:was|were) the (?:verdict|words?|view|assessment|warning|message|reaction|response|judgment|opinion) of)\b/i;
// Two capitalised words in a row ("Oskar Vendt"), or a capitalised word after a saying verb ("said Rusk").
const personName =
  /\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)?\s+\p{Lu}\p{Ll}+|\b(said|says|told)\s+\p{Lu}\p{Ll}+/gu;
// "One woman said outside the post office on Harrow Road": a name after such a word is a place.
const placePreposition =
  /\b(?:in|on|at|outside|inside|near|across|along|into|onto|towards?|through|around|behind|beyond|opposite)\s+$/i;

const pronounSpeaker =
  /\b(?:he|she|they)\s+(?:said|says|added|adds|told|warned|wrote|asked|insisted)\b|\b(?:said|says|added)\s+(?:he|she)\b/i;

function namesPerson(text: string): boolean {
  return [...text.matchAll(personName)].some((match) => !placePreposition.test(text.slice(0, match.index)));
}

function outsideQuotes(sentence: string): string {
  return sentence.replace(quotedSpan, ' ');
}

/** Whether a sentence names the person it attributes words to, outside any quotation marks. */
function namesSpeaker(sentence: string): boolean {
  const rest = outsideQuotes(sentence);
  return sayingVerb.test(rest) && namesPerson(rest);
}

function neighbours(
  sentence: string,
  passage: RetrievedPassage,
  splitSentences: (text: string) => string[],
): { before: Attribution | null; after: Attribution | null } {
  const sentences = splitSentences(passage.text);
  const position = sentences.indexOf(sentence);
  const previous = position > 0 ? sentences[position - 1] : undefined;
  let next = position >= 0 ? sentences[position + 1] : undefined;
  let nextPassage = passage;
  if (next === undefined && passage.following) {
    next = splitSentences(passage.following.text)[0];
    nextPassage = {
      ...passage,
      passageId: passage.following.passageId,
      text: passage.following.text,
      ordinal: passage.ordinal + 1,
      preceding: { passageId: passage.passageId, text: passage.text },
      following: null,
    };
  }
  return {
    before: previous === undefined ? null : { text: previous, passage, side: 'before' },
    after: next === undefined ? null : { text: next, passage: nextPassage, side: 'after' },
  };
}

/**
 * The sentence that says who spoke a quote the given sentence leaves unattributed: a sentence that is
 * all quotation ("Nobody has an excuse now.", or the last sentence of a longer quote, which only closes
 * its quotation mark) continues the one before it (`"…," said Anselm Kerrigan.`), and a quote credited
 * only to a role ("…," the chamber's president told …) or to no one is often followed by the name
 * ("The remark came from Oskar Vendt, …", "That was how Hana Velde … described it"); one credited to a
 * pronoun (`"…," he said`) takes the sentence before when that one names a person. A quotation that
 * runs on over further sentences is credited by the sentence that closes it (`… Monday," said Kai
 * Brenner.`) or the one right after (at most three sentences on, same paragraph). Otherwise news
 * style puts the speaker within one sentence of the quote, so only the sentence before (same
 * paragraph) and the one after (same paragraph, or the next one's first) are looked at.
 *
 * @returns null when the sentence quotes no one, names its speaker itself, or no neighbour names one.
 */
export function findAttribution(
  sentence: string,
  passage: RetrievedPassage,
  splitSentences: (text: string) => string[],
): Attribution | null {
  const continuesQuotation = closesQuotation.test(sentence);
  if (!continuesQuotation && (!quotation.test(sentence) || namesSpeaker(sentence))) return null;
  const { before, after } = neighbours(sentence, passage, splitSentences);
  const allQuote = continuesQuotation || outsideQuotes(sentence).replace(/[\s\p{P}]/gu, '') === '';
  if (allQuote && before && namesSpeaker(before.text)) return before;
  // `"…," he said.` names its speaker in the sentence before: "Superintendent Aaron Fisk urged …".
  if (pronounSpeaker.test(outsideQuotes(sentence)) && before && namesPerson(outsideQuotes(before.text)))
    return before;
  if (after && namesSpeaker(after.text)) return after;
  return opensQuotation(sentence) ? findSpeakerAfterQuotation(sentence, passage, splitSentences) : null;
}

/** Whether a sentence opens a quotation it does not close (`"A crack in one aircraft can be bad luck.`). */
function opensQuotation(sentence: string): boolean {
  const opening = (sentence.match(/[“«]/gu) ?? []).length;
  const closing = (sentence.match(/[”»]/gu) ?? []).length;
  const straight = (sentence.match(/"/g) ?? []).length;
  return opening > closing || straight % 2 === 1;
}

/** A quotation may run over this many more sentences before its speaker is named. */
const maxQuotedSentences = 3;

/**
 * For a quotation that runs on past its first sentence, the sentence that closes it when it names the
 * speaker (`… flies," said Idris Kallweit.`), or else the one right after it ("The assessment came
 * from Idris Kallweit, …"), within the same passage.
 */
function findSpeakerAfterQuotation(
  sentence: string,
  passage: RetrievedPassage,
  splitSentences: (text: string) => string[],
): Attribution | null {
  const sentences = splitSentences(passage.text);
  const position = sentences.indexOf(sentence);
  if (position < 0) return null;
  const rest = sentences.slice(position + 1, position + 2 + maxQuotedSentences);
  const closing = rest.findIndex((candidate) => /[”»"]/u.test(candidate));
  if (closing < 0) return null;
  const closer = rest[closing] ?? '';
  if (namesSpeaker(closer.replace(/^[^”»"]*[”»"]/u, ''))) return { text: closer, passage, side: 'after' };
  const next = rest[closing + 1];
  return next !== undefined && namesSpeaker(next) ? { text: next, passage, side: 'after' } : null;
}
