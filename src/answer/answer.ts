/** One numbered source behind an answer; `n` matches the `[n]` markers in the answer text. */
export interface Citation {
  n: number;
  articleId: string;
  title: string;
  source: string | null;
  published: string | null;
  url?: string;
  passageId: string;
  /** A short verbatim quote of the cited passage (at most about 200 characters). */
  quote: string;
}

/** What `askQuestion` returns; the field names are the CLI's `--json` contract, read by other tools. */
export interface Answer {
  question: string;
  /** The answer text with `[n]` citation markers, or the abstention sentence. */
  answer: string;
  /**
   * True when the articles do not support an answer. `citations` is then empty, except for "not yet"
   * abstentions, which cite the latest fact the articles do give (the event is only scheduled).
   */
  abstained: boolean;
  /** The newest publication day (YYYY-MM-DD) among the cited articles; null when none is dated or nothing is cited. */
  asOf: string | null;
  /** True when the answer sets two outlets' incompatible accounts side by side. */
  disagreement: boolean;
  composer: 'extractive' | 'openai';
  citations: Citation[];
  /** The retrieved passages, best first, with their retrieval scores (higher is better). */
  retrieval: { passageId: string; articleId: string; score: number }[];
  /** Wall-clock milliseconds spent retrieving, composing, and in total. */
  timingsMs: { retrieve: number; compose: number; total: number };
  /** Why a language-model answer fell back to the extractive one, when it did. */
  fallbackReason?: string;
  /** A short note for the reader about how the answer was made (a fallback, the daily limit), when there is one. */
  notice?: string;
  /** The conversation this answer belongs to, when asked in one. */
  conversationId?: string;
  /** What retrieval searched for a follow-up: the question with the context carried from earlier turns. */
  standaloneQuery?: string;
}
