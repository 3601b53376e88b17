import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../src/answer/checkGrounding.js';
import type { RetrievedPassage } from '../../src/retrieval/searchPassages.js';

function passage(id: string, source: string, published: string, text: string): RetrievedPassage {
  return {
    passageId: id,
    articleId: `article-${id}`,
    ordinal: 0,
    text,
    score: 1,
    title: `Title ${id}`,
    source,
    url: null,
    published,
    preceding: null,
    following: null,
  };
}

const moved =
  'The talks will now be held in Muscat on Friday, after Iranian officials objected to holding them in Istanbul, the foreign ministry said in a statement on Wednesday.';
// A developing story: the venue changed, one outlet republished the change, another disagrees on the day.
const sources = [
  passage(
    'old',
    'Example Wire',
    '2026-02-01',
    'The talks will be held in Istanbul on Friday, officials said.',
  ),
  passage('new', 'Gulf Daily', '2026-02-05', moved),
  passage('copy', 'Coastal Post', '2026-02-06', moved),
  passage(
    'other',
    'Harbor Times',
    '2026-02-06',
    'The talks in Muscat will open on Saturday, not Friday, a diplomat said.',
  ),
];

function check(answer: string) {
  return checkGrounding(answer, [], sources);
}

describe('checkGrounding on a developing story', () => {
  it('rejects "latest" citing the older source when a newer one gives the point', () => {
    expect(check('The latest plan is to hold the talks in Istanbul [1].')).toEqual({
      grounded: false,
      reason:
        'ungrounded: says "latest" or "now" citing a source of 2026-02-01, not the newest on that point (2026-02-05)',
    });
  });

  it('keeps "now" citing the newest source on the point', () => {
    const result = check('The talks will now be held in Muscat [2] [4].');
    expect(result).toMatchObject({ grounded: true, untimely: [] });
    expect(check('The talks will now be held in Muscat [2].')).toMatchObject({
      grounded: false,
      reason: expect.stringMatching(
        /citing a source of 2026-02-05, not the newest on that point \(2026-02-06\)/,
      ),
    });
  });

  it('counts a republished copy at the date of the report it copies', () => {
    const withoutOther = sources.slice(0, 3);
    const result = checkGrounding('The talks will now be held in Muscat [2].', [], withoutOther);
    expect(result).toMatchObject({ grounded: true, untimely: [] });
  });

  it('drops "accounts differ" citing one report and its republished copy, and keeps it citing two outlets', () => {
    const copies = check('The talks are in Muscat [2]. Accounts differ on the day [2] [3].');
    expect(copies).toMatchObject({
      grounded: true,
      removedSentences: 1,
      untimely: ['says accounts differ without citing two different outlets'],
    });
    if (copies.grounded) expect(copies.composed.answer).toBe('The talks are in Muscat [1].');
    const outlets = check('Accounts differ on the opening day: Friday [2] or Saturday [4].');
    expect(outlets).toMatchObject({ grounded: true, untimely: [], composed: { disagreement: true } });
    if (copies.grounded) expect(copies.composed.disagreement).toBe(false);
  });

  it('keeps "earlier" citing a source older than the rest of the answer, and rejects it citing the newest', () => {
    const told = check(
      'Earlier, the talks were to be held in Istanbul [1]. They will now be held in Muscat [4].',
    );
    expect(told).toMatchObject({ grounded: true, untimely: [] });
    expect(check('Earlier, the talks were set to open on Saturday [4].')).toEqual({
      grounded: false,
      reason: 'ungrounded: says "earlier" without citing a source older than the rest of the answer',
    });
  });

  it('returns the newest cited day as the answer is as of', () => {
    const result = check(
      'Earlier, the talks were to be held in Istanbul [1]. They will now be held in Muscat [4].',
    );
    expect(result.grounded && result.composed.asOf).toBe('2026-02-06');
  });
});
