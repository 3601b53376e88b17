import { describe, expect, it } from 'vitest';
import { readWord, splitIntoTerms } from '../../src/retrieval/terms.js';

describe('readWord', () => {
  it('returns the same words and stems as the memoised reading inside splitIntoTerms', () => {
    // No phrase folds apply to this text, so each word is read exactly as found.
    const plainText = "Iran's envoys met Oman's officials in Muscat; the neighbours' programmes resumed.";
    const words = plainText.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
    const plain = words.map((raw) => readWord(raw)).map(({ word, stem }) => ({ word, stem }));
    // Twice: the second call reads every word from the cache.
    for (let round = 0; round < 2; round += 1) {
      expect(splitIntoTerms(plainText).map(({ word, stem }) => ({ word, stem }))).toEqual(plain);
    }
  });

  it('keeps acronyms whole and stems other words', () => {
    expect(readWord('US')).toEqual({ word: 'us', stem: 'us', acronym: true, capitalised: true });
    expect(readWord('said').stem).toBe(readWord('say').stem);
    expect(readWord('the').stem).toBe('');
  });
});
