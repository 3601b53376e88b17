import { describe, expect, it } from 'vitest';
import { findSynonyms } from '../../src/retrieval/synonyms.js';
import { searchStems } from '../../src/retrieval/terms.js';

const stem = (word: string) => searchStems(word)[0] ?? '';

describe('the news thesaurus', () => {
  it('finds the words a reporter uses for the same thing', () => {
    expect(findSynonyms(stem('middleman'))).toContain(stem('mediator'));
    expect(findSynonyms(stem('inquiry'))).toContain(stem('investigation'));
  });

  it('leaves a word of no group alone', () => {
    expect(findSynonyms(stem('girder'))).toEqual([]);
  });
});
