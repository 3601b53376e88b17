import { describe, expect, it } from 'vitest';
import { correctTypo } from '../../src/question/correctTypos.js';

const words = [
  'enrichment',
  'enrich',
  'sanctions',
  'sanction',
  'negotiations',
  'talks',
  'strike',
  'dockers',
  'uranium',
];

function vocabulary(prefix: string): string[] {
  return words.filter((word) => word.startsWith(prefix));
}

describe('correctTypo', () => {
  it.each([
    ['enrichmnet', 'enrichment'],
    ['sancions', 'sanctions'],
    ['negotiatons', 'negotiations'],
    ['uranuim', 'uranium'],
    ['dokcers', 'dockers'],
    ['talsk', 'talks'],
    ['Enrichmnet', 'enrichment'],
    ['nerichment', 'enrichment'],
  ])('corrects %j to %j', (word, corrected) => {
    expect(correctTypo(word, vocabulary)).toBe(corrected);
  });

  it.each([
    ['sanction'],
    ['strikes'],
    ['enrichment'],
    ['tak'],
    ['xyzzyq'],
    ['strik3'],
    ['geneva'],
    [''],
    ['\u0000'],
    ['__proto__'],
    ['constructor'],
    ['a'.repeat(1000)],
  ])('returns null for %j', (word) => {
    expect(correctTypo(word, vocabulary)).toBeNull();
  });

  it('prefers a candidate with the same first letter', () => {
    expect(
      correctTypo('bardens', (prefix) => ['gardens', 'bardenz'].filter((word) => word.startsWith(prefix))),
    ).toBe('bardenz');
  });

  it('takes the first of equally close candidates', () => {
    expect(correctTypo('strake', () => ['strike', 'stroke'])).toBe('strike');
  });

  it('asks the vocabulary at most twice', () => {
    const asked: string[] = [];
    correctTypo('qwzxkl', (prefix) => {
      asked.push(prefix);
      return [];
    });
    expect(asked).toEqual(['q', 'w']);
  });
});
