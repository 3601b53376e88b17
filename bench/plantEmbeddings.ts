import { createRandom } from '../src/evaluation/syntheticCorpus.js';
import type { NewsdeskDatabase } from '../src/storage/database.js';
import { hashNewPassages, storeEmbeddings } from '../src/storage/passageEmbeddings.js';

/** text-embedding-3-small's size. */
export const benchDimensions = 1536;
/** The model name the bench's vectors are cached under. */
export const benchModel = 'bench-embedding';

/** One question's synthetic embedding and the exact answer a vector search should give. */
export interface PlantedQuery {
  question: string;
  vector: number[];
  /** The passage the question's vector was made from: its nearest neighbour. */
  planted: string;
  /** The 10 passages nearest the question's vector by exact (brute-force) search, nearest first. */
  nearest: string[];
}

const nearestCount = 10;
/** Articles in a row that report one story (about 75 passages): a followed story's feeds bring many. */
const articlesPerStory = 10;

function gaussian(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm's argument above 0.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `base` plus Gaussian noise of length about `noise`, scaled to unit length, written into `target`. */
function perturb(random: () => number, base: Float32Array, noise: number, target: Float32Array): void {
  const spread = noise / Math.sqrt(base.length);
  let sumOfSquares = 0;
  for (let index = 0; index < base.length; index += 1) {
    const value = (base[index] as number) + gaussian(random) * spread;
    target[index] = value;
    sumOfSquares += value * value;
  }
  const length = Math.sqrt(sumOfSquares);
  for (let index = 0; index < target.length; index += 1) target[index] = (target[index] as number) / length;
}

function exactNearest(matrix: Float32Array, dimensions: number, query: Float32Array): number[] {
  const best: { row: number; similarity: number }[] = [];
  for (let row = 0; row < matrix.length / dimensions; row += 1) {
    let similarity = 0;
    const offset = row * dimensions;
    for (let index = 0; index < dimensions; index += 1) {
      similarity += (matrix[offset + index] as number) * (query[index] as number);
    }
    if (best.length === nearestCount && similarity <= (best.at(-1)?.similarity ?? -1)) continue;
    const position = best.findIndex((entry) => entry.similarity < similarity);
    best.splice(position === -1 ? best.length : position, 0, { row, similarity });
    if (best.length > nearestCount) best.pop();
  }
  return best.map((entry) => entry.row);
}

/**
 * Gives every stored passage a synthetic unit vector cached under `benchModel`, and every question a
 * vector with a planted nearest neighbour, so that hybrid retrieval is measured without a network.
 * Vectors are clustered as real embeddings are: every 10 articles report one story with a random
 * direction, each article lies about 45° from its story (cosine ≈ 0.7) and each passage as far from
 * its article; a question's vector is a random passage's plus noise of half a unit (cosine ≈ 0.9 with
 * it, ≈ 0.45 with its article's other passages, ≈ 0.2 with the story's other articles, ≈ 0 with the
 * rest). Without the stories, the 10 nearest past an article's 7 or so passages were vectors at
 * cosine ≈ 0, ordered by noise alone (docs/design.md). The exact nearest 10 are
 * found by brute force over every vector (seconds at 100k). Deterministic for one seed.
 */
export function plantEmbeddings(
  database: NewsdeskDatabase,
  questions: readonly string[],
  seed: number,
  dimensions = benchDimensions,
): PlantedQuery[] {
  hashNewPassages(database);
  const passages = database
    .prepare('SELECT id, article_id AS articleId, text_hash AS textHash FROM passages ORDER BY rowid')
    .all() as { id: string; articleId: string; textHash: string }[];
  const random = createRandom(seed ^ 0xe3b);
  const matrix = new Float32Array(passages.length * dimensions);
  const origin = new Float32Array(dimensions);
  const story = new Float32Array(dimensions);
  const centroid = new Float32Array(dimensions);
  let articles = 0;
  const byText = new Map<string, number>();
  let batch: { textHash: string; vector: Float32Array }[] = [];
  let article = '';
  for (const [row, passage] of passages.entries()) {
    if (passage.articleId !== article) {
      article = passage.articleId;
      if (articles % articlesPerStory === 0) perturb(random, origin, 1, story);
      articles += 1;
      perturb(random, story, 1, centroid);
    }
    const vector = matrix.subarray(row * dimensions, (row + 1) * dimensions);
    const earlier = byText.get(passage.textHash);
    if (earlier !== undefined) {
      vector.set(matrix.subarray(earlier * dimensions, (earlier + 1) * dimensions));
      continue;
    }
    byText.set(passage.textHash, row);
    perturb(random, centroid, 1, vector);
    batch.push({ textHash: passage.textHash, vector: vector.slice() });
    if (batch.length === 1000) {
      storeEmbeddings(database, benchModel, batch);
      batch = [];
    }
  }
  storeEmbeddings(database, benchModel, batch);
  const query = new Float32Array(dimensions);
  return questions.map((question) => {
    const row = Math.floor(random() * passages.length);
    perturb(random, matrix.subarray(row * dimensions, (row + 1) * dimensions), 0.5, query);
    return {
      question,
      vector: Array.from(query),
      planted: passages[row]?.id ?? '',
      nearest: exactNearest(matrix, dimensions, query).map((nearest) => passages[nearest]?.id ?? ''),
    };
  });
}
