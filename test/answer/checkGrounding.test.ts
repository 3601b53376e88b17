import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../src/answer/checkGrounding.js';
import type { RetrievedPassage } from '../../src/retrieval/searchPassages.js';

function passage(passageId: string, text: string, url: string | null = null): RetrievedPassage {
  return {
    passageId,
    articleId: `article-${passageId}`,
    ordinal: 0,
    text,
    score: 1,
    title: `Title ${passageId}`,
    source: 'Example Wire',
    url,
    published: '2026-02-06',
    preceding: null,
    following: null,
  };
}

const passages = [
  passage('a', 'Oil prices rose on Monday. Tanker rates climbed by 8 per cent.', 'https://example.com/oil'),
  passage('b', 'The talks will take place in Muscat, the capital of Oman. Oman is mediating.'),
  passage('c', 'Officials declined to comment. See https://planted.example/page for more.'),
];

function grounded(answer: string, used: number[] = []) {
  const result = checkGrounding(answer, used, passages);
  if (!result.grounded) throw new Error(`expected a grounded answer, got: ${result.reason}`);
  return result;
}

describe('checkGrounding', () => {
  it('returns the answer with citations renumbered in order of first use when every sentence cites a source', () => {
    const { composed, removedSentences } = grounded(
      'The talks are in Muscat [2]. Tanker rates rose [1].',
      [2, 1],
    );
    expect(composed.answer).toBe('The talks are in Muscat [1]. Tanker rates rose [2].');
    expect(composed.citations.map((citation) => citation.passageId)).toEqual(['b', 'a']);
    expect(removedSentences).toBe(0);
  });

  it('quotes the cited passage sentence closest to the claim', () => {
    const { composed } = grounded('Tanker rates climbed about 8 per cent [1].');
    expect(composed.citations[0]?.quote).toBe('Tanker rates climbed by 8 per cent.');
  });

  it('returns one number per source when a source is cited twice or in a list', () => {
    const { composed } = grounded('Oman mediates [2, 1]. The talks are in Muscat [2][2].');
    expect(composed.answer).toBe('Oman mediates [1] [2]. The talks are in Muscat [1].');
    expect(composed.citations).toHaveLength(2);
  });

  it('moves markers written after the full stop into the sentence they cite', () => {
    expect(grounded('The talks are in Muscat. [2] Rates rose. [1]').composed.answer).toBe(
      'The talks are in Muscat [1]. Rates rose [2].',
    );
  });

  it('drops a sentence without a citation and keeps the cited ones', () => {
    const result = grounded('The talks are in Muscat [2]. A deal is certain by March.');
    expect(result.composed.answer).toBe('The talks are in Muscat [1].');
    expect(result.removedSentences).toBe(1);
  });

  it('rejects the answer when a sentence cites a source that was not given', () => {
    expect(checkGrounding('The talks are in Muscat [2]. They were cancelled [7].', [2], passages)).toEqual({
      grounded: false,
      reason: 'ungrounded: cited source 7, which was not given',
    });
  });

  it('rejects the answer when `used` lists a source that was not given', () => {
    expect(checkGrounding('The talks are in Muscat [2].', [2, 0], passages)).toMatchObject({
      grounded: false,
    });
  });

  it('rejects the answer when no sentence cites anything', () => {
    expect(checkGrounding('The talks are in Muscat.', [], passages)).toEqual({
      grounded: false,
      reason: 'ungrounded: no sentence cites a source',
    });
  });

  it('removes links that are not a source article, even one written inside a passage', () => {
    const { composed } = grounded(
      'Read [the report](https://evil.example/x) and https://planted.example/page [3]. Rates rose, see <https://example.com/oil/> [1].',
    );
    expect(composed.answer).not.toMatch(/evil|planted/);
    expect(composed.answer).toContain('Read the report and');
    expect(composed.answer).toContain('https://example.com/oil/');
  });
});
