import { readAttribution } from './readAttribution.js';
import { isNegated } from './readNegatedStems.js';
import { readSentenceTense } from './readTense.js';

/** What a sentence reports. */
export type StatementKind = 'scheduled' | 'changed' | 'cancelled' | 'happened' | 'claim' | 'other';

/** A sentence's kind, whether it is negated, and who it is attributed to, when anyone. */
export interface StatementReading {
  kind: StatementKind;
  negated: boolean;
  attribution?: string;
}

const cancelled =
  /\b(cancell?ed|cancels?|cancell?ing|called off|calls? off|calling off|scrapped|scraps|axed|shelved|abandoned)\b/i;
const changed =
  /\b(moved (?:to|from|forward|back|up)|brought forward|bring forward|postponed|postpones?|delayed (?:to|until|by)|pushed back|switched|switch(?:es)? to|relocated|rescheduled|instead|rather than|no longer|will now)\b/i;
// Something begun but not concluded: its outcome is still to come, as a plan's is.
const pending =
  /\b(still under\s?way|still (?:going on|continuing|ongoing|pending|being)|(?:is|are|was|were|remains?|remained) (?:pending|ongoing|awaited)|(?:has|have|had) (?:not|yet to) (?:yet )?(?:been )?(?:published|announced|decided|reported|finished|completed|concluded)|yet to be)\b/i;
// A plan in a sentence without a tense marker: "talks next Monday".
const next = /\bnext\b/i;

/**
 * Reads what a sentence reports, in this order: a cancellation ("called off", "scrapped"), a change of
 * plan ("moved to", "brought forward", "postponed", "switched", "relocated", "instead", "will now"),
 * a plan (the first tense marker looks ahead: "will", "is due to", "is set for", "scheduled", "planned"; or, with no
 * tense marker, "next"; or something still pending: "tests were still under way", "have not yet been
 * published", "yet to be decided"), an attributed claim ("says", "said",
 * "according to", "claimed", "insists"), something that happened (a past-tense verb other than a speech
 * verb), else `other`. An attributed past report ("the authority said 23 ships were waiting") is a claim:
 * the source says it happened. The cue words are general English news usage.
 *
 * @param sentence any string; never throws.
 * @returns `negated` when the sentence has a negation ("not", "no", "never", "without", "n't");
 *   `attribution` as `readAttribution` finds it, omitted when none.
 */
export function classifyStatement(sentence: string): StatementReading {
  const attribution = readAttribution(sentence);
  const tense = readSentenceTense(sentence);
  const kind: StatementKind = cancelled.test(sentence)
    ? 'cancelled'
    : changed.test(sentence)
      ? 'changed'
      : tense === 'future' || (tense === null && next.test(sentence)) || pending.test(sentence)
        ? 'scheduled'
        : attribution !== undefined
          ? 'claim'
          : tense === 'past'
            ? 'happened'
            : 'other';
  const reading: StatementReading = { kind, negated: isNegated(sentence) };
  if (attribution !== undefined) reading.attribution = attribution;
  return reading;
}
