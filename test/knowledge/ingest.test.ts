import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../src/errors.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { readMetadata } from '../../src/storage/metadata.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const seedPassages = 21;
const goodMarkdown =
  '---\ntitle: Envoys meet\nsource: Example Wire\npublished: 2026-02-08\n---\n\nEnvoys met in Muscat.\n\nThey talked for hours.';

let fixture: KnowledgeFixture | undefined;
afterEach(() => fixture?.cleanUp());

function rowsOf(current: KnowledgeFixture) {
  const { database } = current.context;
  return {
    articles: database
      .prepare('SELECT id, title, first_ingested_at, updated_at FROM articles ORDER BY id')
      .all() as {
      id: string;
      title: string;
      first_ingested_at: string;
      updated_at: string;
    }[],
    passages: database.prepare('SELECT count(*) FROM passages').pluck().get(),
    indexRows: database
      .prepare('SELECT count(*) FROM passage_index WHERE passage_index MATCH \'"muscat"\'')
      .pluck()
      .get(),
  };
}

describe('ingestKnowledge', () => {
  it('returns added, then unchanged, when a new file is ingested twice', async () => {
    fixture = await createKnowledgeFixture();
    fixture.writeArticle('envoys.md', goodMarkdown);
    expect(await ingestKnowledge(fixture.context)).toEqual({
      added: 1,
      updated: 0,
      unchanged: 1,
      removed: 0,
      passages: seedPassages + 2,
      failed: [],
    });
    expect(await ingestKnowledge(fixture.context)).toMatchObject({
      added: 0,
      unchanged: 2,
      passages: seedPassages + 2,
    });
    expect(readMetadata(fixture.context.database, 'last_refreshed_at')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('returns updated and keeps first_ingested_at when a file changes', async () => {
    fixture = await createKnowledgeFixture({ 'envoys.md': goodMarkdown });
    const before = rowsOf(fixture).articles.find((article) => article.id === 'envoys');
    await new Promise((resolve) => setTimeout(resolve, 5));
    fixture.writeArticle(
      'envoys.md',
      goodMarkdown.replace('Envoys meet', 'Envoys meet again').concat('\n\nA third one.'),
    );
    expect(await ingestKnowledge(fixture.context)).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const after = rowsOf(fixture);
    const envoys = after.articles.find((article) => article.id === 'envoys');
    expect(envoys?.title).toBe('Envoys meet again');
    expect(envoys?.first_ingested_at).toBe(before?.first_ingested_at);
    expect(envoys?.updated_at).not.toBe(before?.updated_at);
    expect(after.passages).toBe(seedPassages + 3);
    // The old passages' index rows went with them: only the new "Muscat" passage and the seed's match.
    expect(after.indexRows).toBe(2);
  });

  it('returns removed and prunes passages and index rows when a file is deleted', async () => {
    fixture = await createKnowledgeFixture({ 'envoys.md': goodMarkdown });
    rmSync(join(fixture.knowledgeDir, 'envoys.md'));
    expect(await ingestKnowledge(fixture.context)).toMatchObject({
      removed: 1,
      unchanged: 1,
      passages: seedPassages,
    });
    expect(rowsOf(fixture)).toMatchObject({ passages: seedPassages, indexRows: 1 });
  });

  it.each([
    ['binary', Buffer.from([0x00, 0x01, 0x02]), /binary/],
    ['empty', Buffer.alloc(0), /empty/],
    ['not UTF-8', Buffer.from([0x4f, 0x6d, 0x61, 0x6e, 0xff]), /UTF-8/],
    ['broken front matter', Buffer.from('---\ntitle: [oops\n---\nBody.'), /front matter/],
  ])(
    'returns the %s file in failed and keeps its stored version while good files ingest',
    async (_case, bytes, problem) => {
      fixture = await createKnowledgeFixture({ 'envoys.md': goodMarkdown });
      writeFileSync(join(fixture.knowledgeDir, 'envoys.md'), bytes);
      mkdirSync(join(fixture.knowledgeDir, 'more'));
      writeFileSync(join(fixture.knowledgeDir, 'more', 'later.txt'), 'Talks resume\n\nDiplomats met again.');
      writeFileSync(join(fixture.knowledgeDir, 'notes.json'), '{}');
      writeFileSync(join(fixture.knowledgeDir, '.hidden.txt'), 'Hidden.');
      const summary = await ingestKnowledge(fixture.context);
      expect(summary).toMatchObject({
        added: 1,
        updated: 0,
        unchanged: 1,
        removed: 0,
        passages: seedPassages + 3,
      });
      expect(summary.failed).toHaveLength(1);
      expect(summary.failed[0]?.path).toBe(join(fixture.knowledgeDir, 'envoys.md'));
      expect(summary.failed[0]?.problem).toMatch(problem);
      expect(rowsOf(fixture).articles.map((article) => article.id)).toEqual([
        '000_5a94281ece3b6005',
        'envoys',
        'later',
      ]);
    },
  );

  it('returns a failure when two files share a name in different folders', async () => {
    fixture = await createKnowledgeFixture();
    mkdirSync(join(fixture.knowledgeDir, 'a'));
    fixture.writeArticle('a/envoys.md', goodMarkdown);
    fixture.writeArticle('envoys.txt', 'Envoys left.');
    const summary = await ingestKnowledge(fixture.context);
    expect(summary).toMatchObject({ added: 1 });
    expect(summary.failed).toEqual([
      {
        path: join(fixture.knowledgeDir, 'envoys.txt'),
        problem: 'same article id "envoys" as a/envoys.md; rename one of them',
      },
    ]);
  });

  it('throws knowledge_missing when the knowledge folder does not exist', async () => {
    fixture = await createKnowledgeFixture();
    const context = {
      ...fixture.context,
      config: { ...fixture.context.config, KNOWLEDGE_DIR: join(fixture.directory, 'none') },
    };
    await expect(ingestKnowledge(context)).rejects.toMatchObject({ code: 'knowledge_missing' });
    await expect(ingestKnowledge(context)).rejects.toBeInstanceOf(NewsdeskError);
  });
});
