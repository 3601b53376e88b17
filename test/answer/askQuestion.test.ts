import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { UserInputError } from '../../src/errors.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const seed = '000_5a94281ece3b6005';
let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({
    'oilMarkets.md': readFileSync('test/fixtures/articles/oilMarkets.md', 'utf8'),
  });
});
afterAll(() => fixture.cleanUp());

describe('askQuestion', () => {
  it('answers where the talks are held, citing the seed article with a quote', async () => {
    const answer = await askQuestion(fixture.context, 'Where are the talks being held?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/^[^[]*Muscat[^[]*\[1\]/);
    expect(answer.citations[0]).toMatchObject({ n: 1, articleId: seed, source: 'The New York Times' });
    expect(answer.answer).toContain(answer.citations[0]?.quote.replace(/…$/, '').slice(0, 40));
  });

  it('reads a misspelt subject as the word meant ("tallks", "talsk")', async () => {
    for (const question of ['where are the tallks being held?', 'where are the talsk being held?']) {
      const answer = await askQuestion(fixture.context, question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.answer, question).toMatch(/Muscat/);
    }
  });

  it('answers what a party threatened, whatever words the condition it sets is put in', async () => {
    const answer = await askQuestion(
      fixture.context,
      'what has iran threatened to do if the americans hit it',
      {
        today: '2026-02-07',
      },
    );
    expect(answer.answer).toMatch(/^[^[]*Iran has warned that it will unleash fierce retaliation/);
  });

  it('answers what a party would want back for what it offers, the condition set aside', async () => {
    const answer = await askQuestion(
      fixture.context,
      'if iran offered a long freeze on its nuclear work, what would it want back?',
      { today: '2026-02-07' },
    );
    expect(answer.answer).toMatch(
      /In return, they said, it would expect Washington to lift the long-standing sanctions/,
    );
  });

  it('gives every citation marker in the answer a numbered source and every source a marker', async () => {
    const answer = await askQuestion(
      fixture.context,
      'What did analysts say about tanker rates and the talks?',
    );
    const markers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(new Set(markers)).toEqual(new Set(answer.citations.map((citation) => citation.n)));
  });

  it('cites the article that holds the answer when several articles are known', async () => {
    const answer = await askQuestion(fixture.context, 'How much did tanker rates rise?');
    expect(answer.answer).toMatch(/8 per cent/);
    expect(answer.citations.map((citation) => citation.articleId)).toContain('oilMarkets');
  });

  it.each([
    'Who won the 2026 FIFA World Cup final?',
    'What is the weather like in Paris tomorrow?',
    'How do I bake sourdough bread?',
    'What did Vladimir Putin say about the talks?',
  ])('abstains without citations when the articles do not cover %j', async (question) => {
    const answer = await askQuestion(fixture.context, question);
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toMatch(/articles I have don't/);
  });

  it.each([
    'Where are the talks being held NOW?',
    'LOL where are the talks being held?',
    'THX! Where are the talks being held, AND when?',
    'Are the talks NOT being held in Muscat?',
  ])('answers instead of taking a stopword in capitals for a name in %j', async (question) => {
    const answer = await askQuestion(fixture.context, question);
    expect(answer.abstained).toBe(false);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('still takes WHO in capitals for a name the articles never mention', async () => {
    const answer = await askQuestion(fixture.context, 'What did WHO say about the talks?');
    expect(answer.answer).toMatch(/don't mention WHO/);
  });

  it('names the person the articles never mention when it abstains', async () => {
    const answer = await askQuestion(fixture.context, 'What did Vladimir Putin say about the talks?');
    expect(answer.answer).toMatch(/Vladimir|Putin/);
  });

  it('abstains naming a speaker the articles never mention, even in everyday words', async () => {
    const answer = await askQuestion(fixture.context, "what did oman's foreign minister say about a deal?");
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/don't mention oman's foreign minister/);
  });

  it('abstains when asked whether a speaker the articles never mention has said anything', async () => {
    const answer = await askQuestion(
      fixture.context,
      "has oman's foreign minister said anything about a deal?",
    );
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/don't mention oman's foreign minister/);
  });

  it('still quotes a speaker the articles do mention', async () => {
    const answer = await askQuestion(fixture.context, 'what did rubio say about the talks?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/Rubio/);
  });

  it('rejects an empty question and one over 1,000 characters with a message for the user', async () => {
    await expect(askQuestion(fixture.context, '   ')).rejects.toBeInstanceOf(UserInputError);
    await expect(askQuestion(fixture.context, 'why '.repeat(300))).rejects.toThrow(/1,000 characters/);
  });

  it('says when no article on the question had been published by the day it is asked as of', async () => {
    const answer = await askQuestion(fixture.context, 'Where are the talks being held?', {
      today: '2026-01-01',
    });
    expect(answer).toMatchObject({ abstained: true, citations: [] });
    expect(answer.answer).toBe(
      'None of the articles I have on this had been published by 1 January 2026: the earliest is from 6 February 2026.',
    );
  });

  it('counts an emoji as one character against the limit, and ignores invisible characters', async () => {
    // 400 thumbs-up with a skin tone: 1,600 UTF-16 code units, 400 characters as a person counts them.
    const emoji = `${'👍🏽'.repeat(400)} where are the talks being held?`;
    await expect(askQuestion(fixture.context, emoji)).resolves.toMatchObject({ abstained: false });
    const hidden = await askQuestion(fixture.context, 'Wh\u200Bere are the ta\u2060lks being held?');
    expect(hidden.answer).toMatch(/Muscat/);
  });

  it('asks for a question in words when the message has no letter or digit', async () => {
    for (const message of ['???', '👍👍', '?! …'])
      await expect(askQuestion(fixture.context, message)).rejects.toThrow(/ask a question in words/);
  });

  it('ignores direction marks and soft hyphens pasted into a question', async () => {
    const marked = await askQuestion(fixture.context, '\u200FWhere are the talks being held?\u200E');
    expect(marked.answer).toMatch(/Muscat/);
    const hyphenated = await askQuestion(
      fixture.context,
      'Which subjects did Ru\u00ADbio want included in the negotiations?',
    );
    expect(hyphenated.answer).toMatch(/Rubio/);
    expect(hyphenated.answer).not.toMatch(/don't mention/);
  });

  it('reads a question pasted with terminal colours or a link as the question, naming neither', async () => {
    for (const question of [
      'where are the\x1b[31m talks\x07 being held?',
      'where are the talks being held? https://news.example/talks-muscat',
      'where are [the talks](https://news.example/talks) being held?',
    ]) {
      const answer = await askQuestion(fixture.context, question);
      expect(answer.answer, question).toMatch(/Muscat/);
      expect(answer.question, question).not.toMatch(/\p{Cc}|https/u);
    }
  });

  it('names at most three unknown names, of four words each, when it abstains', async () => {
    const many = await askQuestion(
      fixture.context,
      'Did Zorblat and Quenmir and Vashtok and Pellibrand and Ostrewin meet?',
    );
    expect(many.answer).toBe(
      "The articles I have don't mention Zorblat, Quenmir, Vashtok or 2 other names, so I can't answer that.",
    );
    const long = await askQuestion(
      fixture.context,
      'What did Zorblat Quenmir Vashtok Pellibrand Ostrewin say?',
    );
    expect(long.answer).toBe(
      "The articles I have don't mention Zorblat Quenmir Vashtok Pellibrand …, so I can't answer that.",
    );
  });
});
