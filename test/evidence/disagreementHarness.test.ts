import { describe, expect, it } from 'vitest';
import { findDisagreement } from '../../src/evidence/findDisagreement.js';
import { selectDisagreementCandidates } from '../../src/evidence/selectDisagreementCandidates.js';
import { storyEvidence } from './storyDev.js';

// The dev story's questions with whether the articles really disagree on the answer (README,
// "Designed features"). Not a held-out set: the rules were developed against it.
const cases: [question: string, disagrees: boolean][] = [
  ['how many dock workers are on strike?', true],
  ['how many jobs are at risk?', true],
  ['how many jobs will change?', true],
  ['how many workers are on strike?', true],
  ['What is the pay offer?', false],
  ['How much does the strike cost per day?', false],
  ['Did the minister attend the talks?', false],
  ['how many ships are waiting?', false],
  ['what did the employers offer?', false],
  ['where are the talks?', false],
  ['what is the union demanding?', false],
  ['how many ships were waiting on October 14?', false],
  ['how many people marched?', false],
  ['how long has the strike lasted?', false],
  ['what share of container traffic does the terminal handle?', false],
  ['how much is the one-off payment?', false],
  ['how much is the congestion surcharge?', false],
  ['was there a deal?', false],
  ['will the minister introduce legislation?', false],
  ['how many ships can the anchorage hold?', false],
  ['how much did Meridian shares fall?', false],
  ['how much will the automation project cost?', false],
  ['where will the vote take place?', false],
  ['what percentage of respondents sympathised with the dock workers?', false],
  ['how much will the employers offer cost?', false],
  ['how long did the first round of talks last?', false],
  ['is the strike over?', false],
  ['how far is Tarrow from Port Halvard?', false],
  ['how much does the strike cost the economy?', false],
  ['where did the first round take place?', false],
];

/** Runs every case with the answerer's candidate window of `limit` sentences. */
function score(limit: number) {
  const evidence = storyEvidence();
  const verdicts = cases.map(([question, disagrees]) => {
    const found = findDisagreement(selectDisagreementCandidates(evidence, question, limit), question);
    return { question, disagrees, found: found !== null };
  });
  const truePositives = verdicts.filter(({ disagrees, found }) => disagrees && found).length;
  return {
    falsePositives: verdicts
      .filter(({ disagrees, found }) => !disagrees && found)
      .map(({ question }) => question),
    misses: verdicts.filter(({ disagrees, found }) => disagrees && !found).map(({ question }) => question),
    truePositives,
  };
}

describe('findDisagreement over the dev story', () => {
  for (const limit of [8, 10, 12]) {
    it(`reports no disagreement where sources agree or update, with ${limit} candidates`, () => {
      expect(score(limit).falsePositives).toEqual([]);
    });

    it(`returns the strikers and jobs conflicts, with ${limit} candidates`, () => {
      const { misses, truePositives } = score(limit);
      expect(misses).not.toContain('how many dock workers are on strike?');
      expect(misses).not.toContain('how many jobs are at risk?');
      expect(truePositives).toBeGreaterThanOrEqual(3);
    });
  }
});
