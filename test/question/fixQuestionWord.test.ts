import { describe, expect, it } from 'vitest';
import { fixQuestionWord } from '../../src/question/fixQuestionWord.js';

describe('fixQuestionWord', () => {
  it.each([
    ['wher were the talks originally going to be', 'where were the talks originally going to be'],
    ['whn is the vote?', 'when is the vote?'],
    ['wat did she say?', 'what did she say?'],
  ])('mends the misspelt question word of %j', (typed, mended) => {
    expect(fixQuestionWord(typed)).toBe(mended);
  });

  it.each([
    ['whats the bill for the repairs', "what's the bill for the repairs"],
    ['so whos running it and wheres it based', "so who's running it and where's it based"],
  ])('gives a question word its apostrophe back in %j', (typed, mended) => {
    expect(fixQuestionWord(typed)).toBe(mended);
  });

  it.each([['where is it?'], ['Muscat?'], ["what's new"], ['wen is it?'], ['Iran said no'], ['']])(
    'leaves %j as it is',
    (question) => {
      expect(fixQuestionWord(question)).toBe(question);
    },
  );
});
