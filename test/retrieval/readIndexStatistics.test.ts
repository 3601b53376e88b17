import { afterEach, describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { readIndexStatistics } from '../../src/retrieval/readIndexStatistics.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

let fixture: KnowledgeFixture | undefined;
afterEach(() => fixture?.cleanUp());

function countDirectly(current: KnowledgeFixture, stem: string) {
  const { database } = current.context;
  return {
    passageCount: database.prepare('SELECT count(*) FROM passages').pluck().get(),
    frequency: database.prepare('SELECT doc FROM passage_vocabulary WHERE term = ?').pluck().get(stem) ?? 0,
  };
}

describe('readIndexStatistics', () => {
  it('returns the counts SQLite gives, and new ones after an ingest changes them', async () => {
    fixture = await createKnowledgeFixture();
    const before = readIndexStatistics(fixture.context.database);
    expect({ passageCount: before.passageCount, frequency: before.lookUp('muscat') }).toEqual(
      countDirectly(fixture, 'muscat'),
    );
    expect(before.lookUp('zzzunknown')).toBe(0);

    fixture.writeArticle(
      'extra.md',
      '---\ntitle: Envoys meet\n---\n\nEnvoys met in Muscat.\n\nThey met again.',
    );
    await ingestKnowledge(fixture.context);
    const after = readIndexStatistics(fixture.context.database);
    expect({ passageCount: after.passageCount, frequency: after.lookUp('muscat') }).toEqual(
      countDirectly(fixture, 'muscat'),
    );
    expect(after.passageCount).toBe(before.passageCount + 2);
  });
});
