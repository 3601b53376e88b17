import { afterEach, describe, expect, it } from 'vitest';
import { getArticle, getKnowledgeStats, listArticles } from '../../src/storage/articles.js';
import { openDatabase } from '../../src/storage/database.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const seedId = '000_5a94281ece3b6005';
const extraArticles = {
  'oil.md':
    '---\ntitle: Tanker insurers raise premiums\nsource: Example Wire\npublished: 2026-02-07\n---\n\nBrokers said rates rose.',
  'undated.txt': 'A note without a date\n\nAnalysts expect little.',
};

let fixture: KnowledgeFixture | undefined;
afterEach(() => fixture?.cleanUp());

describe('listArticles', () => {
  it('returns the newest published first and undated articles last when there is no query', async () => {
    fixture = await createKnowledgeFixture(extraArticles);
    const ids = listArticles(fixture.context.database).map((article) => article.id);
    expect(ids).toEqual(['oil', seedId, 'undated']);
    expect(listArticles(fixture.context.database, '   ')).toHaveLength(3);
  });

  it('returns the articles whose title, source or passages match when given a query', async () => {
    fixture = await createKnowledgeFixture(extraArticles);
    const { database } = fixture.context;
    expect(listArticles(database, 'Muscat').map((article) => article.id)).toEqual([seedId]);
    expect(listArticles(database, 'insurer').map((article) => article.id)).toEqual(['oil']);
    expect(listArticles(database, 'example wire').map((article) => article.id)).toEqual(['oil']);
    expect(listArticles(database, 'New York Times').map((article) => article.id)).toEqual([seedId]);
    expect(listArticles(database, 'the of and')).toEqual([]);
  });

  it('returns without throwing when the query is FTS5 syntax or odd Unicode', async () => {
    fixture = await createKnowledgeFixture(extraArticles);
    const { database } = fixture.context;
    const hostile = [
      '"',
      '"Oman',
      'Oman AND',
      'NEAR(Oman Iran, 2)',
      'Iran*',
      '*',
      '-Oman',
      'title:Oman',
      '(',
      'OR OR',
      'NOT',
      '😀🔥',
      '\u0000',
      '^Oman',
      'Iran\'s "talks"',
      'ال'.repeat(50),
    ];
    for (const query of hostile) expect(() => listArticles(database, query)).not.toThrow();
    expect(listArticles(database, 'NEAR(Oman)').map((article) => article.id)).toContain(seedId);
  });
});

describe('getArticle', () => {
  it('returns the stored metadata when the id exists and undefined otherwise', async () => {
    fixture = await createKnowledgeFixture();
    expect(getArticle(fixture.context.database, seedId)).toMatchObject({
      id: seedId,
      source: 'The New York Times',
      published: '2026-02-06',
      url: null,
      firstIngestedAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(getArticle(fixture.context.database, 'missing')).toBeUndefined();
  });
});

describe('getKnowledgeStats', () => {
  it('returns counts, the newest date and the last refresh when articles are stored', async () => {
    fixture = await createKnowledgeFixture(extraArticles);
    expect(getKnowledgeStats(fixture.context.database)).toEqual({
      articles: 3,
      passages: 23,
      newestPublished: '2026-02-07',
      lastRefreshedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('returns zeros and nulls when the database is empty', () => {
    const database = openDatabase(':memory:');
    expect(getKnowledgeStats(database)).toEqual({
      articles: 0,
      passages: 0,
      newestPublished: null,
      lastRefreshedAt: null,
    });
    database.close();
  });
});
