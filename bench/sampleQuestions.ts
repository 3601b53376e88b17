import { readFileSync } from 'node:fs';
import { createRandom, type SyntheticArticle } from '../src/evaluation/syntheticCorpus.js';

/** Questions made only of common news words: the costly case for a BM25 index (see issue 7). */
const commonWordQuestions = [
  'what did the officials say about the talks on Friday',
  'What did the minister tell reporters about the government?',
  'What did officials say?',
  'What did the president announce last week?',
  'What happened at the meeting with the foreign minister?',
  'Why did the police arrest people in the city?',
  'What did the spokesman say about security?',
  'How many people were killed in the attack?',
];

/** How many questions are made from corpus sentences: enough for a stable p99 (1 in 100 is 2 calls). */
const corpusQuestions = 200;

function askAbout(random: () => number, sentence: string): string {
  const [subject, rest = ''] = sentence.split(
    / (?:said|told reporters|announced|warned)(?: on Friday)?(?: in \w+)? that /,
  );
  const words = rest
    .replace(/[,.]/g, '')
    .split(' ')
    .filter((word) => word.length > 3);
  const start = Math.floor(random() * Math.max(1, words.length - 3));
  const topic = words.slice(start, start + 2 + Math.floor(random() * 3)).join(' ');
  return random() < 0.5 ? `What did ${subject} say about ${topic}?` : `Why ${topic}?`;
}

/**
 * The benchmark's fixed question sample for one corpus: 200 questions made from randomly chosen
 * corpus sentences (who said what about which words), the common-word questions above, and the
 * dev evaluation questions (test/fixtures/questions.dev.jsonl). Same corpus and seed, same questions.
 */
export function sampleQuestions(articles: readonly SyntheticArticle[], seed: number): string[] {
  const random = createRandom(seed ^ 0x5eed);
  const made = Array.from({ length: corpusQuestions }, () => {
    const article = articles[Math.floor(random() * articles.length)];
    const paragraph = article?.paragraphs[Math.floor(random() * article.paragraphs.length)] ?? '';
    const sentences = paragraph.split(/(?<=\.) /);
    return askAbout(random, sentences[Math.floor(random() * sentences.length)] ?? paragraph);
  });
  const dev = readFileSync(new URL('../test/fixtures/questions.dev.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const item = JSON.parse(line) as { question?: string; turns?: { question: string }[] };
      return item.question !== undefined ? [item.question] : (item.turns ?? []).map((turn) => turn.question);
    });
  return [...made, ...commonWordQuestions, ...dev];
}
