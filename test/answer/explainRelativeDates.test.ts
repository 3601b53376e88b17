import { describe, expect, it } from 'vitest';
import { explainRelativeDates } from '../../src/answer/frameClaims.js';

describe('the days relative dates stand for', () => {
  const published = { published: '2026-02-06' };

  it('names the day a weekday stands for, from the article’s own date', () => {
    expect(explainRelativeDates('The talks opened on Monday.', published)).toBe(
      ' (“on Monday” = 2 February)',
    );
  });

  it('gives a week as a week, not as one day of it', () => {
    expect(explainRelativeDates('Last week, the ferry reached the harbour.', published)).toBe(
      ' (“Last week” = the week of 26 January)',
    );
  });

  it('gives the end of a week as that week, and a plan in the passive as the coming day', () => {
    // 6 Feb 2026 is a Friday: "will be allowed … on Monday" is 9 Feb, not the Monday before.
    expect(
      explainRelativeDates(
        'Farmers will be allowed to return on Monday, but the rest must wait until the end of next week.',
        published,
      ),
    ).toBe(' (“on Monday” = 9 February, “end of next week” = the week of 9 February)');
  });

  it('leaves a date the sentence spells out alone', () => {
    expect(explainRelativeDates('The talks open on 6 February.', published)).toBe('');
  });
});
