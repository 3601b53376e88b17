import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cities,
  commonWords,
  firstNames,
  months,
  organisations,
  outlets,
  surnames,
  syllables,
  weekdays,
} from './syntheticVocabulary.js';

/** One generated news article; each paragraph stays under 700 characters, so it is one passage. */
export interface SyntheticArticle {
  /** File name in the knowledge folder, e.g. `synthetic_000042.md`. */
  fileName: string;
  title: string;
  source: string;
  /** ISO date. */
  published: string;
  paragraphs: string[];
}

/** How big a synthetic corpus is: a number of passages, or of articles (3–12 passages each). */
export type CorpusSize = { passages: number } | { articles: number };

/** A seeded pseudo-random source: numbers in [0, 1), the same sequence for the same seed. */
export type Random = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and well distributed enough for test data.
 *
 * @param seed any 32-bit integer; equal seeds give equal sequences on every platform.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct words in the vocabulary: news English has tens of thousands; most are rare. */
const vocabularySize = 40_000;
// Zipf–Mandelbrot exponent and offset fitted to English text (Piantadosi 2014 reports ~1 and ~2.7).
const zipfExponent = 1.0;
const zipfOffset = 2.7;

function spellRareWord(rank: number): string {
  let word = '';
  for (let rest = rank; rest > 0 || word === ''; rest = Math.floor(rest / syllables.length)) {
    word += syllables[rest % syllables.length];
  }
  return `${word}${['', 's', 'ed', 'ing', 'ion'][rank % 5]}`;
}

function buildVocabulary(): { words: string[]; cumulative: Float64Array } {
  const words = [...new Set(commonWords)];
  for (let rank = words.length; words.length < vocabularySize; rank += 1) words.push(spellRareWord(rank));
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (const [rank] of words.entries()) {
    total += 1 / (rank + zipfOffset) ** zipfExponent;
    cumulative[rank] = total;
  }
  for (const [rank, value] of cumulative.entries()) cumulative[rank] = value / total;
  return { words, cumulative };
}

const vocabulary = buildVocabulary();

function drawWord(random: Random): string {
  const target = random();
  let low = 0;
  let high = vocabulary.cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((vocabulary.cumulative[middle] ?? 1) < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary.words[low] ?? 'the';
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function drawFigure(random: Random): string {
  const kind = Math.floor(random() * 5);
  if (kind === 0) return `${(random() * 20).toFixed(1)} percent`;
  if (kind === 1) return `$${Math.ceil(random() * 900)} million`;
  if (kind === 2) return `${Math.ceil(random() * 9000).toLocaleString('en-US')} people`;
  if (kind === 3) return `on ${pick(random, weekdays)}`;
  return `on ${pick(random, months)} ${Math.ceil(random() * 28)}, ${2020 + Math.floor(random() * 7)}`;
}

/** The people, places and bodies one article is about: news repeats a few names through a story. */
interface Cast {
  people: string[];
  city: string;
  organisation: string;
}

function drawCast(random: Random): Cast {
  const people = [0, 1, 2].map(() => `${pick(random, firstNames)} ${pick(random, surnames)}`);
  return { people, city: pick(random, cities), organisation: pick(random, organisations) };
}

function drawClause(random: Random, length: number): string {
  return Array.from({ length }, () => drawWord(random)).join(' ');
}

function drawSentence(random: Random, cast: Cast): string {
  const subject = pick(random, [
    ...cast.people,
    'officials',
    `the ${pick(random, ['minister', 'spokesman', 'governor', 'envoy'])}`,
    capitalise(cast.organisation),
  ]);
  const verb = pick(random, ['said', 'told reporters', 'announced', 'warned', 'said on Friday']);
  const place = random() < 0.4 ? ` in ${cast.city}` : '';
  const detail = random() < 0.6 ? ` ${drawFigure(random)}` : '';
  const clause = drawClause(random, 6 + Math.floor(random() * 10));
  const tail = drawClause(random, 2 + Math.floor(random() * 6));
  return `${capitalise(subject)} ${verb}${place} that ${clause}${detail}, ${tail}.`;
}

function drawParagraph(random: Random, cast: Cast): string {
  const sentences = [drawSentence(random, cast)];
  const wanted = 1 + Math.floor(random() * 3);
  while (sentences.length < wanted) {
    const next = drawSentence(random, cast);
    if (sentences.join(' ').length + next.length >= 690) break;
    sentences.push(next);
  }
  return sentences.join(' ');
}

/**
 * Generates a deterministic synthetic English-news corpus: articles of 3–12 paragraphs (one passage
 * each) drawn from a Zipf-distributed vocabulary of 40,000 words (real function and news words first,
 * a syllable-spelled long tail after), with recurring named people, cities and organisations, figures
 * and dates. Same `seed` and `passages`, same articles, byte for byte.
 *
 * @param size how many passages (paragraphs) in total, or how many articles, ≥ 0.
 * @param seed the pseudo-random seed (32-bit integer).
 */
export function generateSyntheticArticles(size: CorpusSize, seed = 7): SyntheticArticle[] {
  const random = createRandom(seed);
  const articles: SyntheticArticle[] = [];
  let remaining = 'passages' in size ? size.passages : Number.POSITIVE_INFINITY;
  while (remaining > 0 && ('passages' in size || articles.length < size.articles)) {
    const cast = drawCast(random);
    const count = Math.min(remaining, 3 + Math.floor(random() * 10));
    remaining -= count;
    const paragraphs = Array.from({ length: count }, () => drawParagraph(random, cast));
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    articles.push({
      fileName: `synthetic_${String(articles.length).padStart(6, '0')}.md`,
      title: capitalise(`${cast.people[0]} ${drawClause(random, 3 + Math.floor(random() * 4))}`),
      source: pick(random, outlets),
      published: `${2020 + Math.floor(random() * 7)}-${month}-${day}`,
      paragraphs,
    });
  }
  return articles;
}

/** A synthetic article as a Markdown knowledge file with YAML front matter (see `parseMarkdownArticle`). */
function renderSyntheticArticle(article: SyntheticArticle): string {
  const frontMatter = `---\ntitle: "${article.title}"\nsource: ${article.source}\npublished: ${article.published}\n---`;
  return `${frontMatter}\n\n${article.paragraphs.join('\n\n')}\n`;
}

/**
 * Writes a synthetic corpus of `size` into `directory` (created when missing) as Markdown
 * files, for ingesting beside or instead of real articles.
 *
 * @returns the articles written.
 * @throws Error from the file system when the folder cannot be written.
 */
export function writeSyntheticKnowledge(directory: string, size: CorpusSize, seed = 7): SyntheticArticle[] {
  mkdirSync(directory, { recursive: true });
  const articles = generateSyntheticArticles(size, seed);
  for (const article of articles)
    writeFileSync(join(directory, article.fileName), renderSyntheticArticle(article));
  return articles;
}
