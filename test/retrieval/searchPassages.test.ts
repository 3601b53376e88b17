import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { UserInputError } from '../../src/errors.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { searchPassages } from '../../src/retrieval/searchPassages.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture();
});
afterAll(() => fixture.cleanUp());

const prototypeWords = [
  'constructor',
  'Constructor',
  '__proto__',
  'proto',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'prototype',
  '__defineGetter__',
  'toLocaleString',
];

const fragments = [
  '"',
  "'",
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR(',
  ')',
  '(',
  '*',
  '-',
  ':',
  '^',
  '+',
  '{',
  '}',
  '[',
  ']',
  'terms:',
  'passage_index',
  '; DROP TABLE passages; --',
  "' OR 1=1 --",
  '\\',
  '\u0000',
  '\u200b',
  '\ufeff',
  '😀',
  '🇮🇷',
  '👨‍👩‍👧',
  'عمان',
  'ایران',
  '中文',
  'Ωμέγα',
  'café',
  'İstanbul',
  'ß',
  'ﬁ',
  '%',
  '％',
  '…',
  '—',
  'Muscat',
  'talks',
  'the',
  'uranium',
  '90',
  '3%',
  'per cent',
  '\n',
  '\t',
  ' ',
  'NEAR/3',
  'a*b',
  '"unclosed',
  // Names an object literal finds on its prototype: every lookup keyed by text must miss them.
  ...prototypeWords,
];

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hostileQuestions(count: number): string[] {
  const random = createRandom(20260206);
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(random() * 12);
    return Array.from({ length }, () => fragments[Math.floor(random() * fragments.length)]).join(
      random() < 0.5 ? ' ' : '',
    );
  });
}

describe('searchPassages', () => {
  it('returns passages of the seed for a plain question', () => {
    const { passages } = searchPassages(fixture.context.database, 'Where are the talks held?');
    expect(passages.length).toBeGreaterThan(0);
    expect(passages[0]?.articleId).toBe('000_5a94281ece3b6005');
  });

  it("searches the question's own words even when a small archive uses them in a third of its passages", async () => {
    const paragraphs = Array.from(
      { length: 12 },
      (_, index) => `Clause ${index} of the quokka accord binds every signatory to share the river's water.`,
    );
    fixture.writeArticle('quokka.md', `---\ntitle: The quokka accord\n---\n\n${paragraphs.join('\n\n')}\n`);
    await ingestKnowledge(fixture.context);
    const { passages } = searchPassages(fixture.context.database, 'What does the quokka accord bind?');
    expect(passages[0]?.articleId).toBe('quokka');
  });

  it('finds a passage written in capitals, and a Greek word ending in final sigma, from ordinary questions', async () => {
    fixture.writeArticle('wire.txt', 'Wire flash\n\nZANZIBAR SAYS ENVOYS HELD TALKS; VOTES DUE MONDAY.');
    fixture.writeArticle('greek.txt', 'Ειδήσεις\n\nΟ υπουργός Εξωτερικών συναντήθηκε με τον πρέσβη.');
    await ingestKnowledge(fixture.context);
    const search = (question: string) => searchPassages(fixture.context.database, question).passages[0];
    expect(search('What about the votes?')?.articleId).toBe('wire');
    expect(search('Ποιος υπουργός;')?.articleId).toBe('greek');
  });

  it('never corrects an English word to an indexed one it resembles, yet still corrects a misspelling', async () => {
    const ferry = await createKnowledgeFixture({
      'ferry.txt': 'Ferry notice\n\nThe ferry company cancelled the evening sailing to Orkney.',
    });
    // Alone, so no other article uses "compared" or "comparatively".
    rmSync(join(ferry.knowledgeDir, '000_5a94281ece3b6005.txt'));
    await ingestKnowledge(ferry.context);
    const concept = (question: string, word: string) =>
      searchPassages(ferry.context.database, question).plan.concepts.find((found) => found.word === word);
    expect(concept('how does it look compared with last year?', 'compared')).toMatchObject({
      stem: 'compar',
      synonyms: [],
    });
    // The misspelling is read as the word meant, at its full weight, not as a weaker synonym.
    expect(concept('which compnay cancelled the sailing?', 'compnay')).toMatchObject({
      stem: 'compani',
      documentFrequency: 1,
    });
    await ferry.cleanUp();
  });

  it('weighs a word that names the kind of answer ("the latest figure") below the subject', async () => {
    fixture.writeArticle(
      'backlog.txt',
      'Hospital backlog\n\nThe trust postponed 1,650 operations.\n\nIt postponed 1,540 operations a week ago.\n\nThe new figure came from a check of the records.',
    );
    await ingestKnowledge(fixture.context);
    const { concepts } = searchPassages(
      fixture.context.database,
      'the latest figure for postponed operations?',
    ).plan;
    const weight = (word: string) => concepts.find((concept) => concept.word === word)?.weight ?? 0;
    expect(weight('figure')).toBeLessThan(weight('postponed'));
  });

  it('treats FTS5 operators in a question as plain words', () => {
    const { passages } = searchPassages(fixture.context.database, 'Muscat AND NOT "Oman" NEAR(talks) *');
    expect(passages.some((passage) => passage.text.includes('Muscat'))).toBe(true);
  });

  it('answers a question made of prototype names, and finds an article that uses them as words', async () => {
    fixture.writeArticle(
      'builder.txt',
      'Shipyard report\n\nThe constructor of the valueOf dam, a prototype, said toString was his proto name.',
    );
    await ingestKnowledge(fixture.context);
    for (const word of prototypeWords) {
      const answer = await askQuestion(fixture.context, `What did the ${word} say?`);
      expect(typeof answer.answer, word).toBe('string');
    }
    const { passages } = searchPassages(fixture.context.database, 'Who was the constructor of the dam?');
    expect(passages[0]?.articleId).toBe('builder');
  });

  it('never throws on 400 hostile questions, through retrieval and the whole answer path', async () => {
    for (const question of hostileQuestions(400)) {
      expect(() => searchPassages(fixture.context.database, question)).not.toThrow();
      try {
        const answer = await askQuestion(fixture.context, question);
        expect(typeof answer.answer).toBe('string');
      } catch (error) {
        expect(error, JSON.stringify(question)).toBeInstanceOf(UserInputError);
      }
    }
  });
});
