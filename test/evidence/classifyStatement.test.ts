import { describe, expect, it } from 'vitest';
import { classifyStatement } from '../../src/evidence/classifyStatement.js';
import { storySentence } from './storyDev.js';

const classify = (number: string, words: string) => classifyStatement(storySentence(number, words).text);

describe('classifyStatement', () => {
  it('returns scheduled for a plan, changed for a move, cancelled for a call-off', () => {
    expect(classify('001', 'will open next Monday').kind).toBe('scheduled');
    expect(classify('003', 'scheduled to start').kind).toBe('scheduled');
    expect(classify('004', 'will now open on Saturday').kind).toBe('changed');
    expect(classifyStatement('The summit was called off after the storm.').kind).toBe('cancelled');
    expect(classifyStatement('The match was postponed to Sunday.').kind).toBe('changed');
    expect(classifyStatement('The vote will now take place on Friday.').kind).toBe('changed');
  });

  it('returns scheduled for something begun whose outcome is still to come', () => {
    expect(
      classifyStatement('Tests on the imported tablets were still under way at the laboratory.').kind,
    ).toBe('scheduled');
    expect(classifyStatement('The terms of the review have not yet been published.').kind).toBe('scheduled');
    expect(classifyStatement('The tests were completed at the laboratory on Friday.').kind).toBe('happened');
  });

  it('returns claim with its attribution, and happened for a past event', () => {
    expect(classify('004', 'The union says 4,200')).toEqual({
      kind: 'claim',
      negated: false,
      attribution: 'The union',
    });
    expect(classify('002', 'Roughly 2,900 workers').attribution).toBe(
      "payroll figures supplied by the Port Employers' Association",
    );
    expect(classify('004', 'Nobody has an excuse').attribution).toBeUndefined();
    expect(classify('004', 'Neutral ground').attribution).toBe('Anselm Kerrigan');
    expect(classify('001', 'Henrik Vallance, chief executive').attribution).toBe('Henrik Vallance');
    expect(classify('006', 'marched from the Eastquay gate').kind).toBe('happened');
  });

  it('returns negated for "not", "no" and "n\'t"', () => {
    expect(classifyStatement('The delegations did not meet directly.').negated).toBe(true);
    expect(classifyStatement('The delegations met face to face.').negated).toBe(false);
  });

  it('never throws on hostile strings', () => {
    for (const hostile of ['', 'said '.repeat(3000), '"""', 'according to', '\u0000\uFFFF'])
      expect(() => classifyStatement(hostile)).not.toThrow();
  });
});
