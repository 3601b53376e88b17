import { hash } from 'node:crypto';
import type { Article, Passage } from './article.js';

/** A paragraph up to this many characters is one passage: short enough to quote, long enough to answer. */
const maxParagraphPassageLength = 700;
/** Longer paragraphs are cut into groups of whole sentences of at most this many characters. */
const maxSentenceGroupLength = 500;
/**
 * Past this many characters a "sentence" is text without sentence ends (a scraped table, an
 * unpunctuated dump): it is cut at word boundaries into pieces of at most `maxSentenceGroupLength`.
 */
const maxSentenceLength = 1000;

const whitespacePattern = /\s/;
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/**
 * Text is given to the segmenter this many characters at a time (cut at whitespace): on Node 20 its
 * time grows with the square of the text's length (424 KB took 7.8 s), so a paragraph of megabytes
 * without a blank line stalled ingest. Windows of a few thousand characters hold hundreds of
 * sentences and cost well under a millisecond each.
 */
const segmentWindowLength = 4000;

/**
 * Where a piece of at most `length` characters starting at `start` ends: at the last whitespace that
 * fits; one word longer than a piece (a URL, a base64 blob) is cut inside, never inside a surrogate pair.
 */
function findCut(text: string, start: number, length: number): number {
  const limit = start + length;
  if (limit >= text.length) return text.length;
  let end = limit;
  while (end > start && !whitespacePattern.test(text.charAt(end))) end -= 1;
  if (end > start) return end;
  return /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
}

/**
 * ICU's sentences of `text`, segmented window by window. A window's last sentence may run on past
 * its end, so it is left for the next window, which starts where that sentence does; only a window
 * holding a single sentence (thousands of characters without a sentence end) is cut at its end.
 */
function* segmentSentences(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const end = findCut(text, start, segmentWindowLength);
    const segments = [...sentenceSegmenter.segment(text.slice(start, end))];
    const unfinished = end < text.length && segments.length > 1 ? segments.pop() : undefined;
    for (const { segment } of segments) yield segment;
    start = unfinished ? start + unfinished.index : end;
  }
}

// Words whose period does not end a sentence. ICU breaks after "Mr." before a capital, which would cut
// "Mr. Trump said ..." in two; these are re-joined. "No." counts only before a number ("No. 2").
const abbreviations = new Set(
  `mr mrs ms dr gen sen rep gov lt col st jr sr prof inc co corp vs adm capt cmdr sgt maj rev hon gens
  sens reps jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);
const lastWordPattern = /(?:^|[\s("“‘'])([A-Za-z]+)\.["”’']?$/;
// One or more capital initials: "J.", "J.D.", "U.S.".
const initialsPattern = /(?:^|[\s("“‘'])(?:\p{Lu}\.)+$/u;

function endsWithAbbreviation(sentence: string, next: string): boolean {
  if (initialsPattern.test(sentence)) return true;
  const word = lastWordPattern.exec(sentence)?.[1]?.toLowerCase();
  if (word === undefined) return false;
  if (word === 'no') return /^\d/.test(next);
  return abbreviations.has(word);
}

/**
 * Splits text into sentences with `Intl.Segmenter` (ICU's sentence rules), then re-joins the false
 * breaks ICU makes after abbreviations (Mr., Gen., Sen., Inc., ...) and single-letter initials.
 * Time is linear in the text's length (see `segmentWindowLength`).
 *
 * @param text any text; whitespace inside a sentence is kept as it is.
 * @returns the trimmed, non-empty sentences in order; `[]` for blank text.
 */
export function splitIntoSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const segment of segmentSentences(text)) {
    const sentence = segment.trim();
    if (sentence === '') continue;
    const previous = sentences.at(-1);
    if (previous !== undefined && endsWithAbbreviation(previous, sentence)) {
      sentences[sentences.length - 1] = `${previous} ${sentence}`;
    } else {
      sentences.push(sentence);
    }
  }
  return sentences;
}

/** Cuts text into pieces of at most `maxSentenceGroupLength` characters, at the last space that fits. */
function cutAtWords(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    while (whitespacePattern.test(text.charAt(start))) start += 1;
    if (text.length - start <= maxSentenceGroupLength) {
      if (start < text.length) pieces.push(text.slice(start).trimEnd());
      break;
    }
    const end = findCut(text, start, maxSentenceGroupLength);
    pieces.push(text.slice(start, end).trimEnd());
    start = end;
  }
  return pieces;
}

function groupSentences(sentences: string[]): string[] {
  const groups: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current !== '' && current.length + 1 + sentence.length > maxSentenceGroupLength) {
      groups.push(current);
      current = sentence;
    } else {
      current = current === '' ? sentence : `${current} ${sentence}`;
    }
  }
  if (current !== '') groups.push(current);
  return groups;
}

function passageId(articleId: string, text: string, occurrence: number): string {
  // The first occurrence hashes the bare text, so adding a duplicate later never changes existing ids.
  const key = occurrence === 0 ? `${articleId}\n${text}` : `${articleId}\n${text}\n${occurrence}`;
  // Led by the article id, one file's passages sit together in the unique index on `passages.id`:
  // a bare hash put every insert on a random index page (measured: a third of storing time at 100k).
  return `${articleId}:${hash('sha256', key, 'hex').slice(0, 16)}`;
}

/**
 * Splits an article into passages, the unit of retrieval and citation. A paragraph of at most 700
 * characters is one passage; a longer one becomes consecutive groups of whole sentences of at most
 * 500 characters (a single sentence of up to 1,000 characters stays whole). A "sentence" longer than
 * 1,000 characters is not a sentence but text without sentence ends (a scraped table, an unpunctuated
 * dump): it is cut at word boundaries (inside a word only when one word is longer than a piece) into
 * pieces of at most 500 characters, because a passage is what an answer quotes and a search ranks,
 * and a megabyte-long one can neither be quoted nor ranked. A passage never spans two paragraphs.
 *
 * @returns passages in reading order, `ordinal` from 0. Each id is the article id, a colon and the
 *   first 16 hex characters of SHA-256 of the article id and the passage text
 *   (`000_5a94281ece3b6005:3f9c…`), so it is the same on every run; identical texts
 *   within one article are told apart by their occurrence number.
 */
export function splitIntoPassages(article: Article): Passage[] {
  const texts = article.paragraphs.flatMap((paragraph) =>
    paragraph.length <= maxParagraphPassageLength
      ? [paragraph]
      : groupSentences(
          splitIntoSentences(paragraph).flatMap((sentence) =>
            sentence.length > maxSentenceLength ? cutAtWords(sentence) : [sentence],
          ),
        ),
  );
  const occurrences = new Map<string, number>();
  return texts.map((text, ordinal) => {
    const occurrence = occurrences.get(text) ?? 0;
    occurrences.set(text, occurrence + 1);
    return { id: passageId(article.id, text, occurrence), articleId: article.id, ordinal, text };
  });
}
