import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EvidenceSentence } from '../../src/evidence/findDisagreement.js';
import { groupRepublications } from '../../src/evidence/groupRepublications.js';
import { parseArticle } from '../../src/knowledge/parseArticle.js';
import { splitIntoSentences } from '../../src/knowledge/splitIntoPassages.js';

const folder = fileURLToPath(new URL('../fixtures/story-dev/articles/', import.meta.url));

/** The dev story's articles, parsed as ingest parses them. */
export const storyArticles = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => parseArticle(`${folder}${name}`, readFileSync(`${folder}${name}`), name));

/** The sentence of article `number` (e.g. "002") that contains `words`; throws if there is none. */
export function storySentence(number: string, words: string): { text: string; published: string } {
  const article = storyArticles.find(({ id }) => id.startsWith(number));
  const text = splitIntoSentences(article?.paragraphs.join('\n') ?? '').find((s) => s.includes(words));
  if (article?.published == null || text === undefined)
    throw new Error(`no sentence "${words}" in ${number}`);
  return { text, published: article.published };
}

/** Every sentence of the dev story as evidence, with republications grouped as ingest groups them. */
export function storyEvidence(): EvidenceSentence[] {
  const groups = groupRepublications(
    storyArticles.map(({ id, published, paragraphs }) => ({ id, published, text: paragraphs.join('\n') })),
  );
  return storyArticles.flatMap((article) =>
    splitIntoSentences(article.paragraphs.join('\n')).map((text) => ({
      text,
      articleId: article.id,
      outlet: article.source,
      published: article.published,
      group: groups.get(article.id) ?? article.id,
    })),
  );
}
