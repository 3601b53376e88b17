import { splitIntoTerms } from '../retrieval/terms.js';
import type { ConversationTurn } from './conversationStore.js';

/** A question made to stand on its own: the words asked now, and context carried from earlier turns. */
export interface StandaloneQuery {
  question: string;
  /** Words of earlier turns retrieval should also weigh (lower than the question's own); '' for none. */
  carriedText: string;
  /** A readable form for logs and `--json`: the question, then "(context: …)" with the carried words. */
  text: string;
  /** For a follow-up, the passages the last answer cited: "who said that?" is about them. */
  citedPassageIds?: string[];
}

// Words that point back at an earlier turn: pronouns, demonstratives, "there", "then".
const refersBack =
  /\b(he|she|him|her|his|hers|it|its|they|them|their|theirs|that|those|these|this|there|then|such|the same|the other|one|ones)\b/i;
// Openings of an elliptical follow-up: "and the missiles?", "what about Israel?", "why?".
const continues = /^\s*(and|but|so|also|what about|how about|why( not)?|how come|what else|anything else)\b/i;
const maxCarriedWords = 12;
const ownWordsOfAnEllipsis = 2;

/**
 * Whether a question continues the conversation rather than starting a new subject: it refers back
 * (pronouns, "that plan", "there"), opens like a continuation ("and …", "what about …", "why?"), or
 * has too few words of its own to stand alone.
 */
export function isFollowUp(question: string): boolean {
  if (refersBack.test(question) || continues.test(question)) return true;
  return splitIntoTerms(question).filter((term) => term.stem !== '').length <= ownWordsOfAnEllipsis;
}

/**
 * Builds the standalone query for a question asked after `turns`, with lexical means only: when the
 * question is a follow-up, the content words of the last two questions and of the last answer's main
 * claim are carried (names first, at most 12 shown), and retrieval weighs them below the question's
 * own words (see `planQuery`). A question on a new subject carries nothing, so it is not dragged back.
 *
 * @param turns earlier turns, oldest first (an empty list gives the question as it is).
 */
export function buildStandaloneQuery(question: string, turns: readonly ConversationTurn[]): StandaloneQuery {
  const last = turns.at(-1);
  if (last === undefined || !isFollowUp(question)) return { question, carriedText: '', text: question };
  const questions = turns.slice(-2).map((turn) => turn.question);
  const lastAnswer = last.citations.length > 0 ? mainClaim(last.answer) : '';
  const carriedText = [...questions, lastAnswer].join('\n');
  return {
    question,
    carriedText,
    text: `${question} (context: ${listKeywords(carriedText).join(', ')})`,
    citedPassageIds: last.citations.map((citation) => citation.passageId),
  };
}

/**
 * The claim an answer quoted first, the one that answers, without the outlets, dates and "as of" line
 * that frame it: those words say who reported it, not what the conversation is about. The quotes after
 * it only support it; carried too, a long one outweighed the claim, and "and why?" after "… backed
 * out of that plan, citing concerns …" quoted the longer line after it instead.
 */
function mainClaim(answer: string): string {
  return /«([^»]*)»/.exec(answer)?.[1] ?? answer.replace(/\[\d+\]/g, ' ');
}

function listKeywords(text: string): string[] {
  const byStem = new Map<string, { word: string; proper: boolean }>();
  for (const term of splitIntoTerms(text)) {
    if (term.stem !== '' && !byStem.has(term.stem))
      byStem.set(term.stem, { word: term.word, proper: term.proper });
  }
  const words = [...byStem.values()];
  return [...words.filter((entry) => entry.proper), ...words.filter((entry) => !entry.proper)]
    .slice(0, maxCarriedWords)
    .map((entry) => entry.word);
}
