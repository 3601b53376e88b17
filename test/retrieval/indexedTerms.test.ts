import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toIndexedTerms } from '../../src/retrieval/indexedTerms.js';
import { splitIntoTerms } from '../../src/retrieval/terms.js';

// What a question's words are searched as: the index must hold exactly these for a passage to be found.
function queryStems(text: string): string {
  return splitIntoTerms(text)
    .map((term) => term.stem)
    .filter((stem) => stem !== '')
    .join(' ');
}

// Seeded, so a failure names the same text on every run.
function randomTexts(count: number, seed: number): string[] {
  const pieces = [
    ...['a', 'B', 'z', 'Q', '0', '7', ' ', '.', ',', '-', '"', '\n', '\t', '%', 'OMAN SAYS', 'THE ', 'WERE'],
    ...["'", '’', '‘', 'ʼ', "''", "x'1", "'a", "a'", "Iran's", 'won’t', 'per cent', 'U.S.', 'gave up'],
    ...[
      'é',
      'É',
      'ß',
      'ǅ',
      '東京',
      '٣',
      '١٢',
      'Ⅻ',
      '½',
      'ﬁ',
      'e\u0301',
      '😀',
      '𝐀',
      '\ud800',
      '\udc00',
      'ς',
      'İ',
    ],
  ];
  let state = seed;
  const next = (limit: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % limit;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + next(12) }, () => pieces[next(pieces.length)]).join(''),
  );
}

describe('toIndexedTerms', () => {
  it('indexes a passage under the same stems a question about it is searched by', () => {
    const lines = readFileSync('knowledge/000_5a94281ece3b6005.txt', 'utf8').split('\n');
    for (const text of [...lines, ...randomTexts(20_000, 7)]) {
      expect(toIndexedTerms(text), JSON.stringify(text)).toBe(queryStems(text));
    }
  });

  it('keeps reading words right after its table of known words fills up and starts afresh', () => {
    const words = Array.from({ length: 60_000 }, (_, index) => `zq${index.toString(36)}ing`);
    for (let start = 0; start < words.length; start += 1000) {
      toIndexedTerms(words.slice(start, start + 1000).join(' '));
    }
    const sample = `${words[0]} ${words[59_999]} Officials met in Muscat`;
    expect(toIndexedTerms(sample)).toBe(queryStems(sample));
  });

  it('stores each stem as the one token FTS5 reads back, so the planner finds every indexed word', () => {
    const database = new Database(':memory:');
    // The index's own tokenizer settings (storage/migrations.ts).
    database.exec(`CREATE VIRTUAL TABLE t USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');`);
    const insert = database.prepare('INSERT INTO t (rowid, terms) VALUES (?, ?)');
    const stems = new Map<string, number>();
    database.transaction(() => {
      for (let code = 0x80; code <= 0x3ffff; code += 1) {
        const character = String.fromCodePoint(code);
        if (!/[\p{L}\p{N}]/u.test(character) || (code >= 0xd800 && code <= 0xdfff)) continue;
        const stem = toIndexedTerms(`zq${character}zq`);
        if (stem === '' || stem.includes(' ')) continue;
        insert.run(code, stem);
        stems.set(stem, code);
      }
    })();
    const vocabulary = new Set(database.prepare('SELECT term FROM v').pluck().all() as string[]);
    // SQLite's Unicode tables predate these letters (Tai Lue vowels, Vedic signs) and split words at them.
    const olderInSqlite = (code: number) =>
      (code >= 0x19b0 && code <= 0x19c9) || code === 0x1cf2 || code === 0x1cf3;
    const missing = [...stems].filter(([stem, code]) => !vocabulary.has(stem) && !olderInSqlite(code));
    expect(missing.map(([stem, code]) => `U+${code.toString(16)} ${stem}`)).toEqual([]);
    expect(toIndexedTerms('Ο υπουργός Εξωτερικών')).toContain('υπουργοσ');
  });

  it('leaves no FTS5 syntax in hostile text', () => {
    expect(toIndexedTerms('"a" AND NEAR(b c) * -d e:f 😀')).toMatch(/^[\p{L}\p{N} ]*$/u);
  });
});
