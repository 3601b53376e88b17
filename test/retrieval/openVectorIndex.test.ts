import { createHash } from 'node:crypto';
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src/context.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { createLogger } from '../../src/logger.js';
import { openVectorIndex, type VectorIndex } from '../../src/retrieval/openVectorIndex.js';
import { vectorIndexPathsFor } from '../../src/retrieval/vectorIndexFiles.js';
import { type FakeOpenAI, startFakeOpenAI } from '../support/fakeOpenAI.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const model = 'fake-embedding';

/** The fake's embedding: 16 numbers from the text's SHA-256, so every distinct text has its own direction. */
function embedText(text: string): number[] {
  return [...createHash('sha256').update(text).digest().subarray(0, 16)].map((byte) => byte - 127.5);
}

function unitVector(text: string): Float32Array {
  const vector = embedText(text);
  const length = Math.hypot(...vector);
  return Float32Array.from(vector, (value) => value / length);
}

let fake: FakeOpenAI;
let fixture: KnowledgeFixture;
let context: CoreContext;
let warnings: string[];

/** An index on the fixture's database, as a restarted bot would open it, logging warnings to `warnings`. */
function reopen(): VectorIndex {
  const logger = createLogger('warn', { write: (line: string) => void warnings.push(line) });
  return openVectorIndex({ databasePath: fixture.context.config.DATABASE_PATH, model, logger });
}

/** Every passage id stored with a vector, sorted. */
function embeddedPassageIds(): string[] {
  return (
    context.database
      .prepare('SELECT id FROM passages WHERE text_hash IS NOT NULL ORDER BY id')
      .pluck()
      .all() as string[]
  ).sort();
}

/** Every passage id the index returns when asked for more than it holds, sorted. */
async function indexedPassageIds(index: VectorIndex): Promise<string[]> {
  const all = await index.search(unitVector('anything'), 10_000);
  return (all ?? []).map((passage) => passage.passageId).sort();
}

/** The id of the one passage of a one-passage article. */
function passageOf(articleId: string): string {
  return context.database
    .prepare('SELECT id FROM passages WHERE article_id = ?')
    .pluck()
    .get(articleId) as string;
}

async function nearestTo(index: VectorIndex, text: string): Promise<string | undefined> {
  return (await index.search(unitVector(text), 1))?.[0]?.passageId;
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.embedWith(embedText);
  fixture = await createKnowledgeFixture(
    { 'harbour.md': 'Cranes at the harbour stood idle for a second day.' },
    { OPENAI_BASE_URL: fake.baseURL, OPENAI_EMBEDDING_MODEL: model, OPENAI_MAX_RETRIES: '0' },
  );
  context = fixture.context;
  warnings = [];
});
afterAll(async () => {
  await fixture.cleanUp();
  await fake.close();
});

describe('openVectorIndex', () => {
  it('holds exactly the embedded passages after added, changed and removed articles', async () => {
    const index = context.vectorIndex as VectorIndex;
    await index.synchronise();
    expect(await indexedPassageIds(index)).toEqual(embeddedPassageIds());
    expect(await nearestTo(index, 'Cranes at the harbour stood idle for a second day.')).toBe(
      passageOf('harbour'),
    );

    fixture.writeArticle('ferry.md', 'The night ferry sailed half empty.');
    fixture.writeArticle('harbour.md', 'Cranes at the harbour moved again on Tuesday.');
    await ingestKnowledge(context);
    await index.synchronise();
    expect(await indexedPassageIds(index)).toEqual(embeddedPassageIds());
    expect(await nearestTo(index, 'The night ferry sailed half empty.')).toBe(passageOf('ferry'));
    expect(await nearestTo(index, 'Cranes at the harbour stood idle for a second day.')).not.toBe(
      passageOf('harbour'),
    );
    expect(await nearestTo(index, 'Cranes at the harbour moved again on Tuesday.')).toBe(
      passageOf('harbour'),
    );

    const ferry = passageOf('ferry');
    rmSync(join(fixture.knowledgeDir, 'ferry.md'));
    await ingestKnowledge(context);
    await index.synchronise();
    expect(await indexedPassageIds(index)).toEqual(embeddedPassageIds());
    expect(await indexedPassageIds(index)).not.toContain(ferry);
  });

  it('starts from its saved files after a restart, and catches up with an ingest it missed', async () => {
    await (context.vectorIndex as VectorIndex).close();
    // An ingest by a process without the index (or one that stopped before updating it).
    const { vectorIndex: _closed, ...withoutIndex } = context;
    fixture.writeArticle('storm.md', 'A storm closed the coastal road overnight.');
    await ingestKnowledge(withoutIndex);
    const restarted = reopen();
    expect(await nearestTo(restarted, 'A storm closed the coastal road overnight.')).toBe(passageOf('storm'));
    expect(await indexedPassageIds(restarted)).toEqual(embeddedPassageIds());
    await restarted.close();
    expect(warnings).toEqual([]);
  });

  it('rebuilds a damaged or missing index file from the cached vectors instead of crashing', async () => {
    const paths = vectorIndexPathsFor(context.config.DATABASE_PATH);
    for (const damage of [
      () => truncateSync(paths.index, 200),
      () => writeFileSync(paths.manifest, '{"formatVersion": 1, "model"'),
      () => writeFileSync(paths.index, ''),
    ]) {
      warnings.length = 0;
      damage();
      const restarted = reopen();
      expect(await indexedPassageIds(restarted)).toEqual(embeddedPassageIds());
      expect(await nearestTo(restarted, 'A storm closed the coastal road overnight.')).toBe(
        passageOf('storm'),
      );
      await restarted.close();
      expect(warnings.join('\n')).toContain('vector index rebuilt from cached vectors');
    }
  });
});
