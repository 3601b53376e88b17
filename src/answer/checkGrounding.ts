import { splitIntoSentences } from '../knowledge/splitIntoPassages.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';
import { type CitedSentence, checkTimeWords, saysAccountsDiffer } from './checkTimeWords.js';
import { CitationList } from './citations.js';
import type { ComposedAnswer } from './composeExtractiveAnswer.js';
import { findNewestDay } from './frameClaims.js';

/** A model answer that passed, rebuilt from what it cites; or why it cannot be used at all. */
export type GroundingResult =
  | { grounded: true; composed: ComposedAnswer; removedSentences: number; untimely: string[] }
  | { grounded: false; reason: string };

const markdownLink = /\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const bareUrl = /<?\b(?:https?:\/\/|www\.)[^\s<>()[\]]+>?/gi;
const marker = /\[(\d+)\]/g;

/** A URL as compared with the sources: no angle brackets, scheme, trailing punctuation or slash, case. */
function normaliseUrl(url: string): string {
  return url
    .replace(/^<|>$/g, '')
    .replace(/[.,;:!?'"”’]+$/, '')
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

// Only the articles' own addresses: a link written inside an article's text may have been planted there
// for a model to repeat, and the citation already links the article.
function collectSourceUrls(passages: readonly RetrievedPassage[]): Set<string> {
  return new Set(passages.flatMap((passage) => (passage.url ? [normaliseUrl(passage.url)] : [])));
}

/** Keeps links to a source article; a foreign Markdown link keeps its text, a foreign bare URL goes. */
function removeForeignLinks(text: string, allowed: ReadonlySet<string>): string {
  return text
    .replace(markdownLink, (_link, label: string, url: string) =>
      allowed.has(normaliseUrl(url)) ? `${label} (${url})` : label,
    )
    .replace(bareUrl, (match) => {
      // A sentence's full stop after a URL belongs to the sentence: removing it would merge two sentences.
      const [url = match, trailing = ''] = match.split(/(?=[.,;:!?'"”’]+>?$)/);
      return (allowed.has(normaliseUrl(url)) ? url : '') + trailing.replace(/>$/, '');
    });
}

/** "[1, 2]" → "[1] [2]", and markers after a sentence's full stop move before it, so they split with it. */
function normaliseMarkers(text: string): string {
  return text
    .replace(/\[(\d+(?:\s*,\s*\d+)+)\]/g, (_list, numbers: string) =>
      numbers
        .split(',')
        .map((n) => `[${n.trim()}]`)
        .join(' '),
    )
    .replace(
      /([.!?]["”’)]*)((?:\s*\[\d+\])+)/g,
      (_all, stop: string, markers: string) => ` ${markers.trim()}${stop}`,
    );
}

/** The passage sentence sharing most words with the answer sentence: the verbatim quote shown with the citation. */
function chooseQuote(passage: RetrievedPassage, sentence: string): string {
  const wanted = new Set(searchStems(sentence));
  let best = { text: passage.text, overlap: -1 };
  for (const text of splitIntoSentences(passage.text)) {
    const overlap = searchStems(text).filter((stem) => wanted.has(stem)).length;
    if (overlap > best.overlap) best = { text, overlap };
  }
  return best.text;
}

/**
 * Checks a model's answer against the sources it was given, in code: the model is never trusted to
 * have followed its instructions. Links other than the source articles' own are removed; each sentence
 * must cite at least one source with `[n]`, and a sentence without one is dropped as an unsupported
 * claim. A marker or `used` entry naming a source that was not given means the model invented a
 * source, so the whole answer is rejected. Citations are rebuilt from the markers that remain and
 * renumbered in order of first use; each quotes the cited passage's sentence closest to the claim.
 * A sentence whose time words ("latest", "accounts differ", "earlier") its sources do not back is
 * dropped too (`checkTimeWords`); when that leaves nothing, the reason says which rule failed.
 *
 * @param used the source numbers the model says it used (1-based, as in the prompt).
 * @param passages the sources as numbered in the prompt: source n is `passages[n - 1]`.
 * @returns the grounded answer, how many sentences were dropped and why any were dropped for their
 *   time words (`untimely`), or the reason it cannot be used.
 */
export function checkGrounding(
  answer: string,
  used: readonly number[],
  passages: readonly RetrievedPassage[],
): GroundingResult {
  const isGiven = (n: number) => Number.isInteger(n) && n >= 1 && n <= passages.length;
  const invented = used.find((n) => !isGiven(n));
  if (invented !== undefined)
    return { grounded: false, reason: `ungrounded: listed source ${invented}, which was not given` };
  const text = normaliseMarkers(removeForeignLinks(answer, collectSourceUrls(passages)));
  const cited: (CitedSentence & { sentence: string })[] = [];
  let removedSentences = 0;
  for (const sentence of splitIntoSentences(text)) {
    const numbers = [...sentence.matchAll(marker)].map((match) => Number(match[1]));
    const unknown = numbers.find((n) => !isGiven(n));
    if (unknown !== undefined)
      return { grounded: false, reason: `ungrounded: cited source ${unknown}, which was not given` };
    if (numbers.length === 0) removedSentences += 1;
    else cited.push({ sentence, claim: sentence.replace(marker, ''), cited: numbers });
  }
  const timeProblems = checkTimeWords(cited, passages);
  const untimely = timeProblems.filter((problem) => problem !== undefined);
  const citationList = new CitationList();
  const kept = cited
    .filter((_sentence, index) => timeProblems[index] === undefined)
    .map(({ sentence, claim }) =>
      sentence
        .replace(marker, (_marker, n: string) => {
          const passage = passages[Number(n) - 1] as RetrievedPassage;
          return `[${citationList.cite(passage, chooseQuote(passage, claim))}]`;
        })
        .replace(/(\[\d+\])(\s*\1)+/g, '$1')
        .replace(/\s+([.!?,;:])/g, '$1')
        .replace(/\s{2,}/g, ' '),
    );
  if (kept.length === 0 && untimely[0] !== undefined)
    return { grounded: false, reason: `ungrounded: ${untimely[0]}` };
  if (kept.length === 0) return { grounded: false, reason: 'ungrounded: no sentence cites a source' };
  return {
    grounded: true,
    composed: {
      answer: kept.join(' '),
      abstained: false,
      citations: citationList.citations,
      asOf: findNewestDay(citationList.citations),
      // A kept "accounts differ" cites two independent outlets (checkTimeWords).
      disagreement: kept.some(saysAccountsDiffer),
    },
    removedSentences: removedSentences + untimely.length,
    untimely,
  };
}
