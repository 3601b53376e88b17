import { describe, expect, it } from 'vitest';
import { readAttribution } from '../../src/evidence/readAttribution.js';
import { readRate } from '../../src/evidence/readDisagreementQuestion.js';

describe('readAttribution', () => {
  it('names the records a figure comes from when they "show" it', () => {
    expect(readAttribution('Ferry manifests seen by the Gazette show 212 passengers on board.')).toBe(
      'Ferry manifests seen by the Gazette',
    );
  });
});

describe('readRate', () => {
  it('reads the time a rate is per', () => {
    expect(readRate('the strike costs 40 million crowns a day')).toBe('day');
    expect(readRate('two sailings each week')).toBe('week');
  });

  it('reads no rate in a span of time before or after an event', () => {
    expect(readRate('the crew left about an hour before the storm')).toBeUndefined();
    expect(readRate('a week after the vote, nothing had changed')).toBeUndefined();
    expect(readRate('it reopened within a month')).toBeUndefined();
  });
});
