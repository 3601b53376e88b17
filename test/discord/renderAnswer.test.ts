import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/answer.js';
import { discordLimits } from '../../src/discord/discordLimits.js';
import { measureEmbed, type ReplyPage } from '../../src/discord/packEmbeds.js';
import { renderAnswer } from '../../src/discord/renderAnswer.js';

function createCitation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    articleId: `article-${n}`,
    title: `Article ${n}`,
    source: 'The Outlet',
    published: '2026-02-06',
    passageId: `passage-${n}`,
    quote: 'A quote.',
    ...overrides,
  };
}

function createAnswer(answer: string, citations: Citation[]): Answer {
  return {
    question: 'What happened?',
    answer,
    abstained: false,
    asOf: null,
    disagreement: false,
    composer: 'extractive',
    citations,
    retrieval: [],
    timingsMs: { retrieve: 0, compose: 0, total: 0 },
  };
}

/** Checks Discord's limits and that each page lists the source of every marker it shows. */
function expectWellFormed(pages: ReplyPage[]): void {
  for (const page of pages) {
    expect(page.embeds.length).toBeLessThanOrEqual(discordLimits.embedsPerMessage);
    expect(page.embeds.reduce((total, embed) => total + measureEmbed(embed), 0)).toBeLessThanOrEqual(6000);
    const sources = new Set(
      page.embeds.flatMap((embed) => embed.fields ?? []).map((field) => field.name.split(' ')[0]),
    );
    for (const embed of page.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedTitle);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(discordLimits.embedDescription);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(discordLimits.fieldsPerEmbed);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(discordLimits.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(discordLimits.fieldValue);
      }
      for (const [marker] of (embed.description ?? '').matchAll(/\[\d+\]/g))
        expect(sources).toContain(marker);
    }
  }
}

describe('renderAnswer', () => {
  it('returns one embed with the text, its markers and a numbered source field when the answer is short', () => {
    const citation = createCitation(1, { title: 'Talks in Oman', url: 'https://example.org/oman' });
    const [page, ...rest] = renderAnswer(createAnswer('The talks are in Muscat. [1]', [citation]));
    expect(rest).toEqual([]);
    expect(page?.embeds).toEqual([
      {
        title: 'What happened?',
        color: expect.any(Number),
        description: 'The talks are in Muscat. [1]',
        fields: [
          {
            name: '[1] Talks in Oman',
            value: 'The Outlet · 2026-02-06 · [Read the article](https://example.org/oman)',
          },
        ],
      },
    ]);
  });

  it('returns pages within every limit, each marker next to its source, when the answer is very long', () => {
    const citations = Array.from({ length: 40 }, (_, index) =>
      createCitation(index + 1, { title: `${'Long title '.repeat(40)}${index}`, source: 'O'.repeat(500) }),
    );
    const text = Array.from(
      { length: 200 },
      (_, index) => `Sentence ${index} says something. [${(index % 40) + 1}]`,
    ).join(' ');
    const pages = renderAnswer(createAnswer(text, citations));
    expect(pages.length).toBeGreaterThan(1);
    expectWellFormed(pages);
    const shown = pages.flatMap((page) => page.embeds.map((embed) => embed.description ?? '')).join(' ');
    expect(shown.replace(/\s+/g, ' ')).toBe(text);
  });

  it('returns sources overflowing into their own embeds when one sentence cites more than 25', () => {
    const citations = Array.from({ length: 30 }, (_, index) => createCitation(index + 1));
    const text = `One claim. ${citations.map((citation) => `[${citation.n}]`).join('')}`;
    const pages = renderAnswer(createAnswer(text, citations));
    const fields = pages.flatMap((page) => page.embeds.flatMap((embed) => embed.fields ?? []));
    expect(fields).toHaveLength(30);
    expect(pages).toHaveLength(1);
  });

  it('returns escaped text, title and sources when the question and articles hold hostile markup', () => {
    const citation = createCitation(1, {
      title: '**Bold** @everyone',
      source: '<@&1> Times',
      url: 'javascript:alert(1)',
    });
    const answer = {
      ...createAnswer('See [this](https://evil.example) <@123> __now__. [1]', [citation]),
      question: '@here `ask`',
    };
    const embed = renderAnswer(answer)[0]?.embeds[0];
    expect(embed?.title).toBe('@\u200bhere \\`ask\\`');
    expect(embed?.description).toBe('See [this]\\(https://evil.example) <\u200b@123> \\_\\_now\\_\\_. [1]');
    expect(embed?.fields).toEqual([
      { name: '[1] \\*\\*Bold\\*\\* @\u200beveryone', value: '<\u200b@&1> Times · 2026-02-06' },
    ]);
  });

  it('returns the abstention sentence without sources when the answer abstained', () => {
    const answer = { ...createAnswer('The articles do not say.', []), abstained: true };
    const [page] = renderAnswer(answer);
    expect(page?.embeds[0]).toMatchObject({ description: 'The articles do not say.', fields: [] });
  });
});
