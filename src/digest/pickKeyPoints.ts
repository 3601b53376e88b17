import { measureJaccard } from '../evidence/groupNearDuplicates.js';
import type { Passage } from '../knowledge/article.js';
import { splitIntoSentences } from '../knowledge/splitIntoPassages.js';
import { searchStems } from '../retrieval/terms.js';

/** One key point of a digest item: a sentence quoted from the article and the passage to cite. */
export interface KeyPoint {
  /** Quoted verbatim, or written by the language model (then `quote` is present). */
  text: string;
  passageId: string;
  /** For a point the model wrote: the cited passage's sentence closest to it, verbatim. */
  quote?: string;
}

interface Candidate extends KeyPoint {
  position: number;
  stems: Set<string>;
}

const maxPoints = 3;
// Shorter sentences are fragments, datelines or headings; longer ones are run-ons nobody reads as a point.
const minSentenceLength = 40;
const maxSentenceLength = 400;
/** A point after the lead must be at least this central relative to the most central sentence: an aside is no key point. */
const minShareOfBest = 0.5;
/** A sentence sharing this share of its stems with a chosen point says the same thing again. */
const redundancyThreshold = 0.5;

/** Lines that belong to the page, not the story: captions, credits, syndication notes, calls to action. */
const boilerplatePatterns = [
  /originally (appeared|published|ran)\b/i,
  /^(photograph|photo|picture|image|illustration|video|graphic)s?\b.{0,40}[:|]/i,
  /\b(photograph|photo|image):\s/i,
  /\b(reporting by|editing by|additional reporting|contributed (reporting|to this report))\b/i,
  /^(sign up|subscribe|follow (us|him|her)|read more|related|advertisement|copyright|©)/i,
  /\b(all rights reserved|click here|newsletter)\b/i,
];

function isStatement(sentence: string): boolean {
  return !sentence.endsWith('?') && !boilerplatePatterns.some((pattern) => pattern.test(sentence));
}

function isKeyPointCandidate(sentence: string): boolean {
  return (
    sentence.length >= minSentenceLength && sentence.length <= maxSentenceLength && isStatement(sentence)
  );
}

/**
 * How central a sentence is to its article: the summed share of the article's sentences that use
 * each of its stems, divided by the square root of its stem count so long sentences do not win by
 * length alone.
 */
function scoreCentrality(
  candidate: Candidate,
  sentencesWithStem: Map<string, number>,
  count: number,
): number {
  if (candidate.stems.size === 0) return 0;
  let total = 0;
  for (const stem of candidate.stems) total += ((sentencesWithStem.get(stem) ?? 1) - 1) / count;
  return total / Math.sqrt(candidate.stems.size);
}

/**
 * Picks 1–3 key points of an article, extractively: its lead (the first sentence that is not a
 * caption, credit or syndication line — news puts the gist first), then the sentences most central
 * to the article (sharing the most stems with the rest of it, and at least half as central as the
 * most central one, so an aside is never a point), skipping any that repeat a point already chosen. Sentences are quoted whole, never rewritten, so every point is citable.
 *
 * @param passages one article's passages in reading order.
 * @returns points in reading order (an article of only short or long sentences gives its statements of
 *   any length); `[]` only when no sentence qualifies (e.g. a captions-only file).
 */
export function pickKeyPoints(passages: readonly Passage[]): KeyPoint[] {
  const sentences = passages.flatMap((passage) =>
    splitIntoSentences(passage.text).map((text) => ({ text, passageId: passage.id })),
  );
  // A breaking-news flash ("The talks collapsed. Iran walked out.") is all short sentences: its
  // statements are its points, or the newest development would vanish from digests and timelines.
  const sized = sentences.filter(({ text }) => isKeyPointCandidate(text));
  const candidates: Candidate[] = (
    sized.length > 0 ? sized : sentences.filter(({ text }) => isStatement(text))
  ).map((sentence, position) => ({ ...sentence, position, stems: new Set(searchStems(sentence.text)) }));
  const lead = candidates[0];
  if (!lead) return [];
  const sentencesWithStem = new Map<string, number>();
  for (const candidate of candidates)
    for (const stem of candidate.stems) sentencesWithStem.set(stem, (sentencesWithStem.get(stem) ?? 0) + 1);
  const ranked = candidates
    .slice(1)
    .map((candidate) => ({
      candidate,
      score: scoreCentrality(candidate, sentencesWithStem, candidates.length),
    }))
    .sort((a, b) => b.score - a.score || a.candidate.position - b.candidate.position);
  const bestScore = ranked[0]?.score ?? 0;
  const chosen = [lead];
  for (const { candidate, score } of ranked) {
    if (chosen.length >= maxPoints || score < minShareOfBest * bestScore) break;
    if (chosen.some((point) => measureJaccard(point.stems, candidate.stems) >= redundancyThreshold)) continue;
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.position - b.position).map(({ text, passageId }) => ({ text, passageId }));
}
