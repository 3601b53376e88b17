import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { findFingerprintMatches } from '../../src/storage/articleFingerprints.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const storyDir = 'test/fixtures/story-dev/articles';
const wire = '004_talks-moved-to-port-halvard';
const copy = '005_talks-moved-to-port-halvard-courier';
const read = (id: string) => readFileSync(join(storyDir, `${id}.txt`), 'utf8');

let fixture: KnowledgeFixture | undefined;
afterEach(async () => fixture?.cleanUp());

describe('findFingerprintMatches', () => {
  it('returns the wire story for its republication, with outlet and date, and nothing for a third article', async () => {
    const other = '006_first-round-no-deal';
    fixture = await createKnowledgeFixture({
      [`${wire}.txt`]: read(wire),
      [`${copy}.txt`]: read(copy),
      [`${other}.txt`]: read(other),
    });
    expect(findFingerprintMatches(fixture.context.database, copy)).toEqual([
      { articleId: wire, source: 'Coastal Wire', published: '2025-10-09' },
    ]);
    expect(findFingerprintMatches(fixture.context.database, other)).toEqual([]);
  });

  it('forgets a removed article and keeps one sketch per article when a file is ingested again', async () => {
    fixture = await createKnowledgeFixture({ [`${wire}.txt`]: read(wire), [`${copy}.txt`]: read(copy) });
    fixture.writeArticle(`${wire}.txt`, `${read(wire)}\n\nA late paragraph added by the editors.`);
    await ingestKnowledge(fixture.context);
    expect(findFingerprintMatches(fixture.context.database, copy)).toHaveLength(1);
    rmSync(join(fixture.knowledgeDir, `${wire}.txt`));
    await ingestKnowledge(fixture.context);
    expect(findFingerprintMatches(fixture.context.database, copy)).toEqual([]);
  });
});
