import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KnowledgeFileError } from '../../src/errors.js';
import { parseArticle } from '../../src/knowledge/parseArticle.js';

const seedName = '000_5a94281ece3b6005.txt';
const seedBytes = readFileSync(`knowledge/${seedName}`);

function parseText(relativePath: string, text: string) {
  return parseArticle(`knowledge/${relativePath}`, Buffer.from(text, 'utf8'), relativePath);
}

function problemOf(relativePath: string, bytes: Buffer): string {
  try {
    parseArticle(`knowledge/${relativePath}`, bytes, relativePath);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeFileError);
    expect((error as KnowledgeFileError).path).toBe(`knowledge/${relativePath}`);
    return (error as Error).message;
  }
  throw new Error('expected a KnowledgeFileError');
}

describe('parseArticle', () => {
  it('returns the date, outlet, caption, title and paragraphs when given the raw seed', () => {
    const article = parseArticle(`knowledge/${seedName}`, seedBytes, seedName);
    expect(article.id).toBe('000_5a94281ece3b6005');
    expect(article.path).toBe(seedName);
    expect(article.published).toBe('2026-02-06');
    expect(article.source).toBe('The New York Times');
    expect(article.caption).toBe(
      'Iran and the US are scheduled to hold negotiations in Oman. Photograph: EPA',
    );
    expect(article.title).toBe('Iran and the US are scheduled to hold negotiations in Oman');
    expect(article.paragraphs).toHaveLength(21);
    expect(article.paragraphs[0]).toMatch(/^Iranian and US officials are scheduled to meet in Muscat/);
    expect(article.paragraphs.at(-1)).toBe('This article originally appeared in The New York Times.');
    expect(article.paragraphs.join('\n')).not.toContain('Photograph');
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('returns the same article when the raw header has a byte order mark, CRLF lines and extra spaces', () => {
    const seed = seedBytes.toString('utf8');
    const variant = `\uFEFF  ${seed.trimStart().replace('date ', 'date   ').replaceAll('\n', '\r\n')}`;
    const article = parseText(seedName, variant);
    const original = parseArticle(`knowledge/${seedName}`, seedBytes, seedName);
    expect({ ...article, contentHash: '' }).toEqual({ ...original, contentHash: '' });
  });

  it.each([
    [
      'UTF-16LE',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedBytes.toString('utf8'), 'utf16le')]),
    ],
    [
      'UTF-16BE',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(seedBytes.toString('utf8'), 'utf16le').swap16()]),
    ],
  ])('returns the same article when the file is %s with a byte order mark', (_encoding, bytes) => {
    const article = parseArticle(`knowledge/${seedName}`, bytes, seedName);
    const original = parseArticle(`knowledge/${seedName}`, seedBytes, seedName);
    expect({ ...article, contentHash: '' }).toEqual({ ...original, contentHash: '' });
  });

  it('accepts a publish date of tomorrow and rejects one after it, naming the date', () => {
    const now = new Date('2026-02-06T12:00:00Z');
    const withDate = (date: string) =>
      Buffer.from(`---\ntitle: Talks\npublished: ${date}\n---\n\nThe talks began.\n`);
    expect(parseArticle('knowledge/a.md', withDate('2026-02-07'), 'a.md', now).published).toBe('2026-02-07');
    expect(() => parseArticle('knowledge/a.md', withDate('9999-12-31'), 'a.md', now)).toThrow(
      'knowledge/a.md: published date 9999-12-31 is in the future; correct it',
    );
  });

  it('returns the first sentence as title when the raw header has no caption', () => {
    const article = parseText('a.txt', ' date 2026-03-01\n\nEnvoys met in Geneva on Monday. They talked.\n');
    expect(article).toMatchObject({
      title: 'Envoys met in Geneva on Monday',
      caption: null,
      published: '2026-03-01',
    });
    expect(article.paragraphs).toEqual(['Envoys met in Geneva on Monday. They talked.']);
  });

  it('returns the first line as title when a plain text file starts with a short line without a period', () => {
    const article = parseText(
      'b.txt',
      'Talks resume in Oman\n\nDiplomats met again.\n\nThis article originally appeared in Example Wire.',
    );
    expect(article).toMatchObject({
      id: 'b',
      title: 'Talks resume in Oman',
      source: 'Example Wire',
      published: null,
    });
    expect(article.paragraphs).toEqual([
      'Diplomats met again.',
      'This article originally appeared in Example Wire.',
    ]);
  });

  it('returns a title cut at a word boundary when a plain text file opens with a long sentence', () => {
    const opening = `The ${'very '.repeat(40)}long talks ended.`;
    const article = parseText('c.txt', `${opening}\n\nMore text.`);
    expect(article.title.length).toBeLessThanOrEqual(121);
    expect(article.title).toMatch(/^The very very .*very…$/);
    expect(article.paragraphs[0]).toBe(opening);
  });

  it('returns front matter fields and plain prose when given Markdown', () => {
    const markdown = `---
title: Oil traders watch the Gulf
source: Example Wire
url: https://example.com/oil
published: 2026-02-07
author: A. Writer
---

# Oil traders watch the Gulf

Insurers **raised** premiums, [brokers said](https://example.com/b). ![chart](chart.png)

## Market mood

- Traders were _calm_ about file_name risks.
`;
    const article = parseText('d.md', markdown);
    expect(article).toMatchObject({
      id: 'd',
      title: 'Oil traders watch the Gulf',
      source: 'Example Wire',
      url: 'https://example.com/oil',
      published: '2026-02-07',
      author: 'A. Writer',
      caption: null,
    });
    expect(article.paragraphs).toEqual([
      'Insurers raised premiums, brokers said.',
      'Market mood',
      'Traders were calm about file_name risks.',
    ]);
  });

  it('returns the first heading as title when a Markdown file has no front matter', () => {
    const article = parseText('e.markdown', '# Ceasefire holds\n\nThe guns fell silent.');
    expect(article).toMatchObject({
      title: 'Ceasefire holds',
      paragraphs: ['The guns fell silent.'],
      url: null,
    });
  });

  it.each([
    ['unclosed', '---\ntitle: X\n\nBody.', /no closing '---'/],
    ['invalid YAML', '---\ntitle: [unclosed\n---\nBody.', /invalid YAML/],
    ['not a mapping', '---\n- a\n- b\n---\nBody.', /mapping/],
    ['missing title', '---\nsource: X\n---\nBody.', /title:/],
    ['bad date', '---\ntitle: X\npublished: 2026-02-30\n---\nBody.', /published: must be an ISO date/],
    [
      'bad hour',
      '---\ntitle: X\npublished: 2026-02-07T25:00:00Z\n---\nBody.',
      /published: must be an ISO date/,
    ],
    ['bad url', '---\ntitle: X\nurl: javascript:alert(1)\n---\nBody.', /url: must be an http\(s\) URL/],
    ['no body', '---\ntitle: X\n---\n\n', /no article text/],
  ])('throws a KnowledgeFileError naming the problem when front matter is %s', (_case, text, problem) => {
    expect(problemOf('broken.md', Buffer.from(text))).toMatch(problem);
  });

  it('returns the whole first line of the YAML error, without its trailing colon', () => {
    const problem = problemOf('quote.md', Buffer.from('---\ntitle: "Envoys meet\n---\nBody.'));
    expect(problem).toMatch(/invalid YAML: Missing closing "quote at line \d+, column \d+$/);
  });

  it('returns numbers and booleans in title, source and author as text', () => {
    const article = parseText('year.md', '---\ntitle: 2026\nsource: 404\nauthor: true\n---\n\nBody text.');
    expect(article).toMatchObject({ title: '2026', source: '404', author: 'true' });
  });

  it.each([
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ['empty', Buffer.alloc(0), /empty/],
    ['whitespace only', Buffer.from(' \n\t\n '), /empty/],
    ['not UTF-8', Buffer.from([0x49, 0x72, 0x61, 0x6e, 0xe9, 0x20, 0x74, 0x61, 0x6c, 0x6b, 0x73]), /UTF-8/],
    ['an impossible header date', Buffer.from(' date 2026-13-40 Caption. Photograph: EPA\n\nBody.'), /date/],
  ])('throws a KnowledgeFileError naming the file when it is %s', (_case, bytes, problem) => {
    expect(problemOf('bad.txt', bytes)).toMatch(problem);
  });
});
