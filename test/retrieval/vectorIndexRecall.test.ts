import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/evaluation/syntheticCorpus.js';
import { createLogger } from '../../src/logger.js';
import { openVectorIndex, type VectorIndex } from '../../src/retrieval/openVectorIndex.js';
import { searchByEmbedding } from '../../src/retrieval/searchByEmbedding.js';
import { type NewsdeskDatabase, openDatabase } from '../../src/storage/database.js';
import { storeEmbeddings } from '../../src/storage/passageEmbeddings.js';

const model = 'seeded-embedding';
const dimensions = 64;
const articles = 100;
const passagesPerArticle = 30;
const random = createRandom(11);

/** `base` plus Gaussian noise of about `noise` in length, at unit length. */
function near(base: Float32Array, noise: number): Float32Array {
  const vector = base.map(
    (value) =>
      value +
      (noise / Math.sqrt(dimensions)) *
        Math.sqrt(-2 * Math.log(1 - random())) *
        Math.cos(2 * Math.PI * random()),
  );
  const length = Math.hypot(...vector);
  return vector.map((value) => value / length);
}

let directory: string;
let database: NewsdeskDatabase;
let index: VectorIndex;
const stored: Float32Array[] = [];

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'newsdesk-recall-'));
  const databasePath = join(directory, 'newsdesk.sqlite');
  database = openDatabase(databasePath);
  const insertArticle = database.prepare(
    "INSERT INTO articles (id, path, content_hash, title, first_ingested_at, updated_at) VALUES (?, ?, '', ?, '', '')",
  );
  const insertPassage = database.prepare(
    'INSERT INTO passages (id, article_id, ordinal, text, text_hash) VALUES (?, ?, ?, ?, ?)',
  );
  // Clustered as real embeddings are: each article's passages lie around its own direction.
  for (let article = 0; article < articles; article += 1) {
    const centroid = near(new Float32Array(dimensions), 1);
    const entries: { textHash: string; vector: Float32Array }[] = [];
    database.transaction(() => {
      insertArticle.run(`article-${article}`, `article-${article}.md`, `Article ${article}`);
      for (let ordinal = 0; ordinal < passagesPerArticle; ordinal += 1) {
        const name = `${article}-${ordinal}`;
        insertPassage.run(
          `passage-${name}`,
          `article-${article}`,
          ordinal,
          `Passage ${name}.`,
          `hash-${name}`,
        );
        entries.push({ textHash: `hash-${name}`, vector: near(centroid, 1) });
      }
    })();
    storeEmbeddings(database, model, entries);
    stored.push(...entries.map((entry) => entry.vector));
  }
  index = openVectorIndex({ databasePath, model, logger: createLogger('silent') });
  await index.synchronise();
});
afterAll(async () => {
  await index.close();
  database.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('openVectorIndex', () => {
  it('finds at least 95% of the exact 10 nearest passages that brute force finds', async () => {
    let found = 0;
    const questions = 50;
    for (let question = 0; question < questions; question += 1) {
      const query = near(stored[Math.floor(random() * stored.length)] as Float32Array, 0.5);
      const exact = new Set(
        searchByEmbedding(database, model, query, 10).map((passage) => passage.passageId),
      );
      const approximate = (await index.search(query, 10)) ?? [];
      expect(approximate).toHaveLength(10);
      found += approximate.filter((passage) => exact.has(passage.passageId)).length;
    }
    expect(found / (questions * 10)).toBeGreaterThanOrEqual(0.95);
  });
});
