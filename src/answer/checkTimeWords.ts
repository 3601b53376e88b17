import { groupNearDuplicates } from '../evidence/groupNearDuplicates.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';
import { toIsoDay } from './frameClaims.js';

/** One sentence of a model answer and the sources it cites (1-based, all given). */
export interface CitedSentence {
  claim: string;
  cited: readonly number[];
}

const currentWords = /\b(?:latest|now|currently|current|most recent(?:ly)?)\b/i;
const disagreementWords =
  /\b(?:accounts? (?:differ|vary|conflict)|reports? (?:differ|vary|conflict)|disagree\w*|contradict\w*|conflicting (?:accounts|reports))\b/i;
/** Whether a sentence says outlets' accounts differ ("accounts differ", "disagree", "contradict"). */
export function saysAccountsDiffer(claim: string): boolean {
  return disagreementWords.test(claim);
}

const earlierWords = /\b(?:earlier|previously|originally|initially|at first|formerly)\b/i;
// The time words themselves say nothing about which point a sentence is on.
const timeStems = new Set(
  searchStems('latest current currently recent recently earlier previously originally'),
);

function newest(days: readonly (string | null)[]): string | null {
  return days.reduce<string | null>(
    (best, day) => (day !== null && (best === null || day > best) ? day : best),
    null,
  );
}

function oldest(days: readonly (string | null)[]): string | null {
  return days.reduce<string | null>(
    (best, day) => (day !== null && (best === null || day < best) ? day : best),
    null,
  );
}

/**
 * "Latest"/"now": the sentence's words found in its cited sources are its covered words, each weighing
 * ln((N + 1) / df) by how few of the N given sources hold it (a story's common words, "talks", say
 * little about which point); the given sources holding at least half of that weight are on its point;
 * its newest cited day must be the newest day among them. A republished copy counts at the day of the
 * report it copies; undated sources are not compared.
 */
function checkCurrent(
  sentence: CitedSentence,
  passages: readonly RetrievedPassage[],
  dayOf: (passage: RetrievedPassage | undefined) => string | null,
): string | undefined {
  const stemsOf = passages.map((passage) => new Set(searchStems(passage.text)));
  const cited = sentence.cited.map((n) => passages[n - 1]);
  const citedStems = new Set(sentence.cited.flatMap((n) => [...(stemsOf[n - 1] ?? [])]));
  const covered = searchStems(sentence.claim).filter((stem) => !timeStems.has(stem) && citedStems.has(stem));
  const weight = new Map(
    covered.map((stem) => {
      const holders = stemsOf.filter((stems) => stems.has(stem)).length;
      return [stem, Math.log((passages.length + 1) / holders)] as const;
    }),
  );
  const total = [...weight.values()].reduce((sum, value) => sum + value, 0);
  const onPoint = passages.filter((_passage, index) => {
    const shared = covered.filter((stem) => stemsOf[index]?.has(stem));
    return shared.reduce((sum, stem) => sum + (weight.get(stem) ?? 0), 0) * 2 >= total;
  });
  const citedDay = newest(cited.map(dayOf));
  const newestDay = newest(onPoint.map(dayOf));
  if (covered.length === 0 || citedDay === null || newestDay === null || citedDay >= newestDay)
    return undefined;
  return `says "latest" or "now" citing a source of ${citedDay}, not the newest on that point (${newestDay})`;
}

/**
 * Checks the time words of a model answer's sentences against the dates and outlets of what they cite:
 * - "latest", "now", "currently": must cite the newest source on that point (see `checkCurrent`);
 * - "accounts differ", "disagree", "contradict": must cite two outlets that are not one report
 *   republished (`groupNearDuplicates`);
 * - "earlier", "previously", "originally", "initially": must cite a source older than another the
 *   answer cites, unless the cited source itself says so (an article telling the earlier plan).
 * The rules of issue 13; "earlier" is checked against the sentences that pass the other two.
 *
 * @param passages the sources as numbered in the prompt: source n is `passages[n - 1]`.
 * @returns one entry per sentence: why its time words are not backed, or `undefined` when they are.
 */
export function checkTimeWords(
  sentences: readonly CitedSentence[],
  passages: readonly RetrievedPassage[],
): (string | undefined)[] {
  const groups = groupNearDuplicates(passages, (passage) => passage.text);
  const groupOf = new Map(
    groups.flatMap((group, index) => group.map((passage) => [passage, index] as const)),
  );
  const firstDay = groups.map((group) => oldest(group.map((passage) => toIsoDay(passage.published))));
  const dayOf = (passage: RetrievedPassage | undefined) =>
    passage === undefined ? null : (firstDay[groupOf.get(passage) ?? -1] ?? null);
  const firstPass = sentences.map((sentence) => {
    if (currentWords.test(sentence.claim)) {
      const problem = checkCurrent(sentence, passages, dayOf);
      if (problem) return problem;
    }
    if (!saysAccountsDiffer(sentence.claim)) return undefined;
    const cited = sentence.cited.map((n) => passages[n - 1] as RetrievedPassage);
    const outlet = (passage: RetrievedPassage) => (passage.source ?? passage.articleId).toLowerCase();
    const independent = cited.some((a) =>
      cited.some((b) => outlet(a) !== outlet(b) && groupOf.get(a) !== groupOf.get(b)),
    );
    return independent ? undefined : 'says accounts differ without citing two different outlets';
  });
  const answerNewest = newest(
    sentences.flatMap((sentence, index) =>
      firstPass[index] ? [] : sentence.cited.map((n) => dayOf(passages[n - 1])),
    ),
  );
  return sentences.map((sentence, index) => {
    if (firstPass[index] || !earlierWords.test(sentence.claim)) return firstPass[index];
    const cited = sentence.cited.map((n) => passages[n - 1]);
    if (cited.some((passage) => earlierWords.test(passage?.text ?? ''))) return undefined;
    const oldestCited = oldest(cited.map(dayOf));
    if (oldestCited === null || answerNewest === null || oldestCited < answerNewest) return undefined;
    return 'says "earlier" without citing a source older than the rest of the answer';
  });
}
