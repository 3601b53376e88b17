import { performance } from 'node:perf_hooks';
import { extractArticle } from '../src/feeds/extractArticle.js';
import { prepareWebArticle } from '../src/feeds/storeWebArticle.js';

/**
 * `npx tsx bench/extractLongPages.ts`: the time to extract (Readability on linkedom) and to split
 * and index (`prepareWebArticle`) a page whose article is one paragraph of 200k, 1M and 4M
 * characters, the worst case for sentence segmentation (see splitIntoPassages' windows).
 */
const sentence = 'The union and the operator met again on Tuesday to discuss the pay offer and the hours. ';
for (const size of [200_000, 1_000_000, 4_000_000]) {
  const body = sentence.repeat(Math.ceil(size / sentence.length)).slice(0, size);
  const html = `<html><head><title>Long</title></head><body><nav>Home</nav><article><h1>Long</h1><p>${body}</p></article></body></html>`;
  let started = performance.now();
  const extracted = extractArticle(html, 'https://news.example/long');
  const extractMs = performance.now() - started;
  if (!extracted) throw new Error('no article extracted');
  started = performance.now();
  const { passages } = prepareWebArticle({
    identity: 'https://news.example/long',
    url: null,
    title: 'Long',
    source: null,
    published: null,
    author: null,
    paragraphs: extracted.paragraphs,
  });
  const splitMs = performance.now() - started;
  console.log(
    `${size} characters: extract ${extractMs.toFixed(0)} ms, split and index ${splitMs.toFixed(0)} ms, ${passages.length} passages`,
  );
}
