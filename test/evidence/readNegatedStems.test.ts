import { describe, expect, it } from 'vitest';
import { isNegated } from '../../src/evidence/readNegatedStems.js';

describe('negation', () => {
  it('is read from "not", "n’t", negative pronouns and contractions typed without an apostrophe', () => {
    for (const sentence of [
      'They did not meet.',
      'They didn’t meet.',
      'Nobody should go back to sleep under that dam.',
      'which towns arent covered',
      'why didnt they meet',
    ])
      expect(isNegated(sentence), sentence).toBe(true);
    expect(isNegated('They met on Monday and agreed to talk again.')).toBe(false);
    expect(isNegated('how many boats were in the no-go area?')).toBe(false);
  });
});
