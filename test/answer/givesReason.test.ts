import { describe, expect, it } from 'vitest';
import { givesReason } from '../../src/answer/answerKind.js';

const reason = 'The council shut the market because inspectors found its roof unsafe.';

describe('givesReason', () => {
  it.each(['why did the council shut the market?', 'and why?', 'so why did they shut it?', 'ok how come?'])(
    'reads %j as asking why',
    (question) => {
      expect(givesReason(reason, question)).toBe(true);
    },
  );

  it('finds no reason in a sentence that gives none, or for a question that asks none', () => {
    expect(givesReason('The council shut the market on 2 May.', 'and why?')).toBe(false);
    expect(givesReason(reason, 'and when?')).toBe(false);
  });
});
