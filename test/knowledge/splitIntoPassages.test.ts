import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/knowledge/article.js';
import { parseArticle } from '../../src/knowledge/parseArticle.js';
import { splitIntoPassages, splitIntoSentences } from '../../src/knowledge/splitIntoPassages.js';

const seedName = '000_5a94281ece3b6005.txt';
const seed = parseArticle(`knowledge/${seedName}`, readFileSync(`knowledge/${seedName}`), seedName);

function articleWith(paragraphs: string[]): Article {
  return { ...seed, id: 'test', paragraphs };
}

const longParagraph = Array.from(
  { length: 12 },
  (_, index) =>
    `Mr. Smith of the U.S. delegation, speaking to Gen. Jones at 3 p.m., gave statement No. ${index} about the talks.`,
).join(' ');

describe('splitIntoSentences', () => {
  it('returns whole sentences when abbreviations and initials contain periods', () => {
    expect(
      splitIntoSentences('Mr. Trump met Gen. Smith and J. D. Vance in Washington. Talks No. 2 begin. Done.'),
    ).toEqual(['Mr. Trump met Gen. Smith and J. D. Vance in Washington.', 'Talks No. 2 begin.', 'Done.']);
  });

  it('returns a sentence ending inside quotation marks as one sentence', () => {
    expect(splitIntoSentences('He said “we will talk.” Then they left.')).toEqual([
      'He said “we will talk.”',
      'Then they left.',
    ]);
  });

  it('returns the sentences ICU finds in the whole text when the text spans many segmenting windows', () => {
    const sentences = Array.from({ length: 400 }, (_, index) =>
      index % 3 === 0
        ? `Mr. Araghchi told the U.S. envoy on day ${index} that “progress was real.”`
        : index % 3 === 1
          ? `Would the talks in Muscat resume after round ${index}?`
          : `Oman's foreign minister said a deal was near, sources said (${index}).`,
    );
    expect(splitIntoSentences(sentences.join(' '))).toEqual(sentences);
  });

  it('returns every sentence of a 4 MB paragraph with no blank line, in order', () => {
    const sentence = 'The envoys met again in Muscat on Friday, officials said.';
    const count = 70_000;
    const sentences = splitIntoSentences(Array.from({ length: count }, () => sentence).join(' '));
    expect(sentences).toHaveLength(count);
    expect(sentences.every((each) => each === sentence)).toBe(true);
  });

  it('returns nothing when the text is blank', () => {
    expect(splitIntoSentences('  \n ')).toEqual([]);
  });
});

describe('splitIntoPassages', () => {
  it('returns passages that each hold whole sentences when given the seed and a long paragraph', () => {
    const article = articleWith([...seed.paragraphs, longParagraph]);
    const passages = splitIntoPassages(article);
    for (const paragraph of article.paragraphs) {
      for (const sentence of splitIntoSentences(paragraph)) {
        expect(passages.some((passage) => passage.text.includes(sentence))).toBe(true);
      }
    }
    const longPassages = passages.filter((passage) => longParagraph.includes(passage.text));
    expect(longPassages.length).toBeGreaterThan(1);
    for (const passage of longPassages) expect(passage.text.length).toBeLessThanOrEqual(500);
    expect(longPassages.map((passage) => passage.text).join(' ')).toBe(longParagraph);
  });

  it('returns one passage per paragraph when paragraphs are short, never merging two', () => {
    const passages = splitIntoPassages(seed);
    expect(passages.map((passage) => passage.text)).toEqual(seed.paragraphs);
    expect(passages.map((passage) => passage.ordinal)).toEqual(seed.paragraphs.map((_, index) => index));
  });

  it('returns an over-long single sentence whole', () => {
    const sentence = `The talks ${'went on and on, '.repeat(60)}until dawn.`;
    expect(splitIntoPassages(articleWith([sentence])).map((passage) => passage.text)).toEqual([sentence]);
  });

  it('returns pieces of at most 500 characters cut between words when a paragraph has no sentence ends', () => {
    const words = Array.from({ length: 3000 }, (_, index) => `cell${index}`);
    const table = words.join(' ');
    const texts = splitIntoPassages(articleWith([table])).map((passage) => passage.text);
    expect(texts.length).toBeGreaterThan(table.length / 500);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(500);
    expect(texts.join(' ')).toBe(table);
  });

  it('returns pieces of at most 500 characters when one word is longer than a piece', () => {
    const blob = `Data: ${'😀x'.repeat(700)} end`;
    const texts = splitIntoPassages(articleWith([blob])).map((passage) => passage.text);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(500);
      expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    }
    expect(texts.join('').replaceAll(' ', '')).toBe(blob.replaceAll(' ', ''));
  });

  it('returns the same ids when run twice and distinct ids when a text repeats', () => {
    const article = articleWith(['Same words.', 'Other words.', 'Same words.']);
    const first = splitIntoPassages(article).map((passage) => passage.id);
    const second = splitIntoPassages(structuredClone(article)).map((passage) => passage.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(3);
    for (const id of first) expect(id).toMatch(/^test:[0-9a-f]{16}$/);
    // Adding a later duplicate never changes the ids that already exist.
    expect(splitIntoPassages(articleWith(['Same words.', 'Other words.']))[0]?.id).toBe(first[0]);
  });
});
