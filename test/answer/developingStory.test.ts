import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import {
  createKnowledgeFixture,
  type KnowledgeFixture,
  readStoryArticles,
} from '../support/knowledgeFixture.js';

const storyDir = 'test/fixtures/story-dev/articles';
let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture(readStoryArticles(storyDir));
});
afterAll(() => fixture.cleanUp());

const ask = (question: string) => askQuestion(fixture.context, question, { today: '2025-10-21' });

describe('answers on a developing story', () => {
  it('gives each quoted claim its outlet and date, and says what the answer is as of', async () => {
    const answer = await ask('how many ships were waiting on 14 october?');
    expect(answer.answer).toMatch(/^[^«]*, \d{1,2} October: «[^»]+» \[1\]/);
    expect(answer.answer).toMatch(/As of \d{1,2} October 2025 \(the newest article used\)\.$/);
    expect(answer.asOf).toMatch(/^2025-10-\d\d$/);
  });

  it('quotes a story republished by another outlet once, credited to the outlet that ran it first', async () => {
    const answer = await ask('why were the talks moved to the seafarers hall?');
    const cited = answer.citations.map((citation) => citation.articleId);
    expect(cited).not.toContain('005_talks-moved-to-port-halvard-courier');
    expect(answer.answer).not.toMatch(/Midland Courier/);
  });

  it('says whose report a republished copy is when the answer quotes the copy', async () => {
    const answer = await ask('what did the midland courier publish about the talks?');
    expect(answer.answer).toMatch(
      /^The Midland Courier, 10 October \(republished from Coastal Wire, 9 October\): «/,
    );
  });

  it('names no original for an article that republishes nobody', async () => {
    const answer = await ask('what did the harbour gazette report about the first round?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).not.toMatch(/republished from/);
    // What the outlet reported, not the line saying the article appeared in it.
    expect(answer.answer).toMatch(/^The Harbour Gazette, 12 October: «The first round of mediated talks/);
  });

  it('names the speaker of a quote when the article names them in the next sentence', async () => {
    const answer = await ask('who said a day of the strike costs the price of a new hospital wing?');
    expect(answer.answer).toMatch(/hospital wing/);
    expect(answer.answer).toMatch(/Oskar Vendt/);
  });

  it('names the speaker of a one-sentence quote from the sentence before it', async () => {
    const answer = await ask('who said "nobody has an excuse now"?');
    expect(answer.answer).toMatch(/Anselm Kerrigan/);
  });

  it('lists what is new since a date as dated, cited lines, one per story, oldest first, two points each when few', async () => {
    const answer = await ask('whats new since the 18th?');
    const lines = answer.answer.split('\n').filter((line) => line.startsWith('- '));
    expect(lines.map((line) => line.slice(2, 8))).toEqual(['18 Oct', '21 Oct']);
    expect(lines.every((line) => /^- \d+ \w+ · [^:]+: «[^»]+» \[\d\] «[^»]+» \[\d\]$/.test(line))).toBe(true);
    expect([...new Set(answer.citations.map((citation) => citation.published))]).toEqual([
      '2025-10-18',
      '2025-10-21',
    ]);
  });

  it('answers "what happened yesterday?" with that one day\'s stories, and says which day', async () => {
    const answer = await askQuestion(fixture.context, 'what happened yesterday?', { today: '2025-10-19' });
    expect(answer.answer).toMatch(/^New on 18 October 2025, oldest first:/);
    expect(answer.citations.every((citation) => citation.published === '2025-10-18')).toBe(true);
  });

  it('answers "what\'s the latest on the dock strike?" with the story\'s newest developments, dated', async () => {
    const answer = await ask("what's the latest on the dock strike?");
    expect(answer.answer).toMatch(
      /^New since 19 October 2025, oldest first:\n- 21 October · Coastal Wire: «Striking dock workers at Port Halvard will vote on Thursday/,
    );
    expect(answer.citations.every((citation) => (citation.published ?? '') >= '2025-10-19')).toBe(true);
  });

  it('answers "where does the port strike stand?" with the story\'s newest developments too', async () => {
    const answer = await ask('where does the port strike stand?');
    expect(answer.answer).toMatch(
      /^New since 19 October 2025, oldest first:\n- 21 October · Coastal Wire: «/,
    );
  });

  it('answers how a figure changed with where it stands now and where it started', async () => {
    const answer = await ask("how has the employers' pay offer changed?");
    expect(answer.answer).toMatch(
      /^Latest — [^«]*: «[^»]*10 per cent[^»]*» \[1\].* Earlier — [^«]*: «[^»]*2\.5 per cent/s,
    );
  });

  it('answers "what is the latest?", with no subject, with the newest developments', async () => {
    const answer = await ask('what is the latest?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/^New since 19 October 2025, oldest first:\n- /);
  });

  it('refuses the latest on a story no article covers rather than listing the news', async () => {
    const answer = await ask("what's the latest on the Lisbon metro strike?");
    expect(answer.abstained).toBe(true);
  });

  it('answers the latest on one thing of the story from the sentences about it, not with the news', async () => {
    const answer = await ask("what's the latest on the employers' offer to the union?");
    expect(answer.answer).toMatch(/^Latest — /);
  });

  it('gives a timeline with a republished story on one line naming both outlets', async () => {
    const answer = await ask('give me a timeline of the port strike');
    expect(answer.answer).toMatch(/^Timeline, oldest first:/);
    expect(answer.answer).toMatch(/- 9 October · Coastal Wire, The Midland Courier: «/);
    expect(answer.answer).not.toMatch(/10 October/);
  });

  it('answers "as of" a date from the articles published by then', async () => {
    const answer = await ask('as of oct 8, where were the talks going to be held?');
    expect(answer.answer).toMatch(/Brennick/);
    expect(answer.citations.every((citation) => (citation.published ?? '') <= '2025-10-08')).toBe(true);
  });

  it('says "not yet" for an outcome the articles only report as scheduled, citing the latest fact', async () => {
    const answer = await ask('what did the employers board decide about the proposal?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The articles don't say yet: .*will meet on Wednesday.*\[1\]/);
    expect(answer.answer).toMatch(/due 22 October 2025; newest article: 21 October 2025/);
    expect(answer.citations).toHaveLength(1);
  });

  it('dates a pending vote by the day it is due, not the day it was announced', async () => {
    const answer = await ask('did the dock workers accept the mediators proposal?');
    expect(answer.answer).toMatch(/will vote on Thursday/);
    expect(answer.answer).toMatch(/due 23 October 2025; newest article: 21 October 2025/);
  });

  it('names both outlets when two reports give different figures for the same count', async () => {
    const answer = await ask('how many dock workers are on strike?');
    expect(answer.disagreement).toBe(true);
    expect(answer.answer).toMatch(/^Accounts differ: /);
    expect(answer.answer).toMatch(/4,200.*\[1\].*2,900.*\[2\]/s);
    expect(new Set(answer.citations.map((citation) => citation.source)).size).toBe(2);
  });

  it('does not call a figure that changes over time a disagreement', async () => {
    const answer = await ask('how many container ships are waiting off the port?');
    expect(answer.disagreement).toBe(false);
    expect(answer.answer).not.toMatch(/Accounts differ/);
  });

  it('answers a question about the present with the later change of plan, the old plan as earlier', async () => {
    const answer = await ask('are they still meeting at the labour ministry in brennick?');
    expect(answer.answer).toMatch(
      /^Latest — Coastal Wire, 9 October[^:]*: «[^»]*instead of the capital[^»]*» \[1\]/,
    );
    // The old plan may follow the sentence naming who announced it ("…, she told reporters").
    expect(answer.answer).toMatch(/Earlier — [^:]+, \d{1,2} October: (?:«[^»]*» \[\d\] )?«[^»]*Brennick/);
  });

  it('answers "what happened to the plan …?" with what it came to, the plan itself as earlier', async () => {
    const answer = await ask('what happened to the plan to hold the talks at the labour ministry?');
    expect(answer.answer).toMatch(/^Latest — Coastal Wire, 9 October[^:]*: «[^»]*instead of the capital/);
    expect(answer.answer).toMatch(/Earlier — [^:]+, 7 October: «[^»]*Ministry of Labour in Brennick/);
  });

  it('tells which day "on Monday" was when asked when, from the article\'s own date', async () => {
    const answer = await ask('when were the talks originally supposed to start?');
    expect(answer.answer).toMatch(/on Monday” = 13 October/);
  });

  it('answers "is it over yet?" with "not yet" and the latest report, as an answer', async () => {
    const answer = await ask('is the dock strike over yet?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(
      /^Not yet, as far as the articles say: Coastal Wire, 21 October: «[^»]*will vote/,
    );
  });

  it('says "not yet" when asked whether something happened that the articles only schedule', async () => {
    const answer = await ask('did the union members accept the mediator proposal in the vote?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/^The articles don't say yet: /);
  });
});
