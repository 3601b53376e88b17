import Database from 'better-sqlite3';
import { afterEach, expect, it, vi } from 'vitest';
import { refreshKnowledge } from '../../src/cli/refreshKnowledge.js';
import { searchPassages } from '../../src/retrieval/searchPassages.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

let fixture: KnowledgeFixture | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  fixture?.cleanUp();
});

it('goes on with what is stored, saying so in one line, while another process holds the database', async () => {
  fixture = await createKnowledgeFixture();
  fixture.writeArticle('later.txt', 'Talks resume\n\nDiplomats met again in Salalah.');
  fixture.context.database.pragma('busy_timeout = 100');
  const other = new Database(fixture.context.config.DATABASE_PATH);
  other.exec('BEGIN IMMEDIATE');
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => written.push(String(text)) > 0);
  try {
    await refreshKnowledge(fixture.context);
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(written).toEqual([
    'newsdesk: the knowledge database is busy (another ingest?); going on with what is stored\n',
  ]);
  expect(
    searchPassages(fixture.context.database, 'Where are the talks held?').passages.length,
  ).toBeGreaterThan(0);
  // The next refresh, with the database free, stores what was missed.
  await refreshKnowledge(fixture.context);
  expect(searchPassages(fixture.context.database, 'Salalah').passages[0]?.articleId).toBe('later');
});
