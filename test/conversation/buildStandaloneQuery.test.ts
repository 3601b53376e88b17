import { describe, expect, it } from 'vitest';
import { buildStandaloneQuery, isFollowUp } from '../../src/conversation/buildStandaloneQuery.js';
import type { ConversationTurn } from '../../src/conversation/conversationStore.js';

const sabetTurn: ConversationTurn = {
  question: 'Who is Farzan Sabet?',
  standaloneQuery: 'Who is Farzan Sabet?',
  answer: 'Farzan Sabet is an Iran analyst for the Geneva Graduate Institute. [1]',
  citations: [
    {
      n: 1,
      articleId: 'a',
      title: 't',
      source: null,
      published: null,
      passageId: 'p',
      quote: 'Farzan Sabet, an Iran analyst',
    },
  ],
};

describe('isFollowUp', () => {
  it.each([
    'How likely does he think a deal is?',
    'Why did that plan fall through?',
    'and the missiles?',
    'why?',
  ])('returns true for %j', (question) => expect(isFollowUp(question)).toBe(true));

  it('returns false for a question that stands on its own', () => {
    expect(isFollowUp('What enrichment level have the neighbours proposed for Iran?')).toBe(false);
  });
});

describe('buildStandaloneQuery', () => {
  it('carries the names of the earlier turn into a follow-up that says "he"', () => {
    const query = buildStandaloneQuery('How likely does he think a deal is?', [sabetTurn]);
    expect(query.carriedText).toMatch(/Farzan Sabet/);
    expect(query.text).toMatch(/^How likely does he think a deal is\? \(context: farzan, sabet/);
  });

  it('carries nothing when the question changes subject', () => {
    const query = buildStandaloneQuery('What did Marco Rubio demand from the negotiators in Oman?', [
      sabetTurn,
    ]);
    expect(query).toEqual({
      question: 'What did Marco Rubio demand from the negotiators in Oman?',
      carriedText: '',
      text: 'What did Marco Rubio demand from the negotiators in Oman?',
    });
  });

  it("does not carry an abstention's words", () => {
    const abstention = { ...sabetTurn, answer: "The articles I have don't say.", citations: [] };
    expect(buildStandaloneQuery('and why?', [abstention]).carriedText).not.toMatch(/articles/);
  });

  it('returns the question unchanged when there is no earlier turn', () => {
    expect(buildStandaloneQuery('Why did that plan fall through?', []).carriedText).toBe('');
  });
});
