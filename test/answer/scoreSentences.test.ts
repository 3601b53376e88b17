import { describe, expect, it } from 'vitest';
import { scoreSentences } from '../../src/answer/scoreSentences.js';
import { splitIntoSentences } from '../../src/knowledge/splitIntoPassages.js';
import type { QueryConcept } from '../../src/retrieval/planQuery.js';
import type { RetrievedPassage } from '../../src/retrieval/searchPassages.js';

const concept = (stem: string, word: string): QueryConcept => ({
  stem,
  word,
  synonyms: [],
  documentFrequency: 1,
  weight: 1,
  proper: false,
  carried: false,
});

const passage = (text: string): RetrievedPassage => ({
  passageId: 'a:0',
  articleId: 'a',
  ordinal: 0,
  text,
  score: 1,
  title: 'Talks move',
  source: null,
  url: null,
  published: '2026-03-02',
  preceding: null,
  following: null,
});

describe('scoreSentences', () => {
  it('meets a word for anyone ("people") with any noun for a person, as a synonym', () => {
    const concepts = [concept('senior', 'senior'), concept('peopl', 'people')];
    const [withOfficials, withRoads] = scoreSentences(
      concepts,
      [passage('The talks were to be attended by senior officials. The senior roads were closed.')],
      splitIntoSentences,
    );
    expect(withOfficials?.coverage).toBeCloseTo((1 + 0.7) / 2);
    expect(withRoads?.coverage).toBeCloseTo(1 / 2);
  });

  it('meets "countries" with any country named that the question does not name', () => {
    const concepts = [concept('countri', 'countries'), concept('summit', 'summit')];
    const [named, asked, none] = scoreSentences(
      [...concepts, concept('norwai', 'norway')],
      [passage('Chile and Ghana sent ministers to the summit. Norway hosted the summit. The summit ended.')],
      splitIntoSentences,
    );
    expect(named?.coverage).toBeCloseTo((0.7 + 1) / 3);
    expect(asked?.coverage).toBeCloseTo((1 + 1) / 3);
    expect(none?.coverage).toBeCloseTo(1 / 3);
  });

  it('keeps the sentence before one that opens on a link to it ("In return, …") as its antecedent', () => {
    const concepts = [concept('ostmark', 'ostmark'), concept('sanction', 'sanctions')];
    const [, linked] = scoreSentences(
      concepts,
      [passage('Ostmark may offer to cut tariffs. In return, Ostmark would expect sanctions to be lifted.')],
      splitIntoSentences,
    );
    expect(linked?.antecedent?.text).toBe('Ostmark may offer to cut tariffs.');
  });
});
