import { describe, expect, it } from 'vitest';
import { isMisspeltConversationalWord } from '../../src/question/conversationalWords.js';

describe('misspelt common words', () => {
  it.each(['acording', 'somthing', 'actualy', 'teh', 'tlaks'])(
    'reads %j as a misspelling, not a name',
    (word) => {
      expect(isMisspeltConversationalWord(word)).toBe(true);
    },
  );

  it.each(['khamenei', 'iaea', 'fifa', 'the', 'according'])('does not call %j misspelt', (word) => {
    expect(isMisspeltConversationalWord(word)).toBe(false);
  });
});
