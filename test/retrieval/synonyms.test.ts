import { describe, expect, it } from 'vitest';
import { findSynonyms } from '../../src/retrieval/synonyms.js';
import { searchStems } from '../../src/retrieval/terms.js';

const stem = (word: string) => searchStems(word)[0] ?? '';

describe('the news thesaurus', () => {
  it('finds the words a reporter uses for the same thing', () => {
    expect(findSynonyms(stem('middleman'))).toContain(stem('mediator'));
    expect(findSynonyms(stem('inquiry'))).toContain(stem('investigation'));
    expect(findSynonyms(stem('checking'))).toContain(stem('monitor'));
    expect(findSynonyms(stem('expert'))).toContain(stem('analyst'));
    expect(findSynonyms(stem('keeps'))).toContain(stem('continuing'));
    expect(findSynonyms(stem('target'))).toContain(stem('planned'));
    expect(findSynonyms(stem('area'))).toContain(stem('zone'));
  });

  it('leaves a word of no group alone', () => {
    expect(findSynonyms(stem('girder'))).toEqual([]);
  });
});
