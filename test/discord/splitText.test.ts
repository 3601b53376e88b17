import { describe, expect, it } from 'vitest';
import { packLines, splitText, truncateText } from '../../src/discord/splitText.js';

/** Every word of the original, in order, must survive a split: nothing lost, nothing cut. */
function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

describe('splitText', () => {
  it('returns the text whole when it fits', () => {
    expect(splitText('  Short answer. [1]  ', 2000)).toEqual(['Short answer. [1]']);
  });

  it('returns chunks within the limit that keep every word whole when the text is long', () => {
    const text = Array.from(
      { length: 400 },
      (_, index) => `word${index} https://example.org/${index}?a=b`,
    ).join(' ');
    const chunks = splitText(text, 500);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(500);
    expect(chunks.flatMap(words)).toEqual(words(text));
  });

  it('returns breaks at paragraphs, then sentences, when they keep chunks at least half full', () => {
    const paragraph = `${'A sentence here. '.repeat(20).trim()}`;
    const chunks = splitText(`${paragraph}\n\n${paragraph}`, paragraph.length + 10);
    expect(chunks).toEqual([paragraph, paragraph]);
    const sentences = splitText('One two three. Four five six seven eight nine.', 26);
    expect(sentences[0]).toBe('One two three.');
  });

  it('returns citation markers attached to the sentence before them', () => {
    const text = Array.from(
      { length: 60 },
      (_, index) => `Claim number ${index} is stated. [${index + 1}]`,
    ).join(' ');
    for (const chunk of splitText(text, 120)) {
      expect(chunk).toMatch(/^Claim/);
      expect(chunk).toMatch(/\[\d+\]$/);
    }
  });

  it('returns cuts that never split a surrogate pair, an escape or a marker when one token is too long', () => {
    const emoji = '😀'.repeat(30);
    for (const chunk of splitText(emoji, 7)) expect(chunk).toMatch(/^(😀)+$/);
    const escaped = '\\*'.repeat(40);
    for (const chunk of splitText(escaped, 9)) expect(chunk).toMatch(/^(\\\*)+$/);
    const markers = `${'x'.repeat(8)}[12][34]`;
    expect(splitText(markers, 11)).toEqual(['xxxxxxxx', '[12][34]']);
  });
});

describe('truncateText', () => {
  it('returns the text cut at a word with an ellipsis when it is too long', () => {
    expect(truncateText('The talks in Muscat began on Friday', 20)).toBe('The talks in Muscat…');
    expect(truncateText('short', 20)).toBe('short');
  });
});

describe('packLines', () => {
  it('returns lines joined into chunks without splitting a line when they exceed the limit', () => {
    const lines = Array.from(
      { length: 30 },
      (_, index) => `${index + 1}. [Title ${index}](https://example.org/${index})`,
    );
    const chunks = packLines(lines, 200);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(200);
    expect(chunks.flatMap((chunk) => chunk.split('\n'))).toEqual(lines);
  });
});
