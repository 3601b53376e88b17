import { describe, expect, it } from 'vitest';
import { resolveEventDates } from '../../src/evidence/resolveEventDates.js';
import { storySentence } from './storyDev.js';

function datesOf(number: string, words: string): Record<string, string> {
  const { text, published } = storySentence(number, words);
  return Object.fromEntries(resolveEventDates(text, published).map(({ phrase, date }) => [phrase, date]));
}

describe('resolveEventDates', () => {
  // The story-dev README's "Relative dates" row, each as it says.
  it.each([
    ['001', 'will open next Monday', 'next Monday', '2025-10-13'],
    ['002', 'from next Monday', 'next Monday', '2025-10-13'],
    ['003', 'scheduled to start at 10am on Monday', 'at 10am on Monday', '2025-10-13'],
    ['003', 'due to begin on Monday', 'on Monday', '2025-10-13'],
    ['004', 'will now open on Saturday', 'on Saturday', '2025-10-11'],
    ['006', 'which began last Monday', 'last Monday', '2025-10-06'],
    ['006', 'agreed to return on Monday', 'on Monday', '2025-10-13'],
    ['007', 'a week ago', 'a week ago', '2025-10-07'],
    ['008', 'would resume on Monday', 'on Monday', '2025-10-20'],
    ['009', 'fell to 48 on Friday', 'on Friday', '2025-10-17'],
    ['010', 'will vote on Thursday', 'on Thursday', '2025-10-23'],
    ['010', 'result is expected on Friday', 'on Friday', '2025-10-24'],
    ['010', 'will meet on Wednesday', 'on Wednesday', '2025-10-22'],
    ['010', 'legislation in parliament next week', 'next week', '2025-10-27'],
  ])('resolves %s "%s" to %s = %s', (number, words, phrase, date) => {
    expect(datesOf(number, words)[phrase]).toBe(date);
  });

  it('returns the past day for a report and the next day for a plan in one sentence', () => {
    expect(datesOf('010', 'will vote on Thursday')).toEqual({
      'on Thursday': '2025-10-23',
      'on Tuesday': '2025-10-21',
    });
    expect(datesOf('006', 'broke up late on Saturday')['on Saturday']).toBe('2025-10-11');
  });

  it('reads a plan in the past perfect as an earlier plan, before the report', () => {
    const text =
      "The board's response is due next week, after it postponed a meeting that had been scheduled for Thursday.";
    expect(resolveEventDates(text, '2026-03-06')).toEqual([
      { phrase: 'next week', date: '2026-03-09' },
      { phrase: 'Thursday', date: '2026-03-05' },
    ]);
  });

  it('keeps a day and month a few weeks ahead in this year even in a past-tense sentence', () => {
    const called =
      'The committee has called the chief executive to give evidence at a public hearing on Thursday 26 March.';
    expect(resolveEventDates(called, '2026-03-17')).toEqual([
      { phrase: 'on Thursday 26 March', date: '2026-03-26' },
    ]);
    expect(resolveEventDates('The fire broke out on 28 December.', '2026-01-02')).toEqual([
      { phrase: 'on 28 December', date: '2025-12-28' },
    ]);
  });

  it('returns past weekdays in the past and planned ones ahead in another domain', () => {
    const published = '2024-03-14'; // a Thursday
    const said = resolveEventDates('The ministry said on Wednesday that 12 people were injured.', published);
    expect(said).toEqual([{ phrase: 'on Wednesday', date: '2024-03-13' }]);
    const vote = resolveEventDates('The council will vote on the budget on Wednesday.', published);
    expect(vote).toEqual([{ phrase: 'on Wednesday', date: '2024-03-20' }]);
    const ago = resolveEventDates('Prices peaked two weeks ago.', published);
    expect(ago).toEqual([{ phrase: 'two weeks ago', date: '2024-02-29' }]);
  });

  it('returns no date for times of day, looking-back durations and "now"', () => {
    const { text, published } = storySentence('001', 'walked off the job at 6am');
    expect(resolveEventDates(text, published)).toEqual([{ phrase: 'on Monday', date: '2025-10-06' }]);
    expect(resolveEventDates('The index is now at 4,000 points.', '2024-01-05')).toEqual([]);
  });

  it('returns [] for a bad publish date and never throws on hostile strings', () => {
    expect(resolveEventDates('They met on Monday.', 'yesterday')).toEqual([]);
    expect(resolveEventDates('They met on Monday.', '2025-02-30')).toEqual([]);
    for (const hostile of [
      '',
      '\u0000'.repeat(50),
      'Monday '.repeat(2000),
      '🙂 on 31/31/9999',
      '<script>next</script>',
    ])
      expect(() => resolveEventDates(hostile, '2025-10-06')).not.toThrow();
  });

  it('reads a weekday in the present tense as the coming one, and an "-ed" adjective as no past verb', () => {
    // Written on Monday 18 Aug 2025: news puts the scheduled in the present tense.
    const dates = resolveEventDates(
      "The regional council votes on Thursday on the utility's revised plan, which would cut supply.",
      '2025-08-18',
    );
    expect(dates).toEqual([{ phrase: 'on Thursday', date: '2025-08-21' }]);
    expect(resolveEventDates('The council approved the plan on Thursday.', '2025-08-18')).toEqual([
      { phrase: 'on Thursday', date: '2025-08-14' },
    ]);
  });
});
