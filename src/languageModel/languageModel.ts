/** One chat message, as the Chat Completions API takes it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the chat model wrote. */
export interface Completion {
  /** The reply with any reasoning block removed, trimmed; never empty. */
  text: string;
  /** True when the server stopped at the token limit (`finish_reason: "length"`): the end may be cut. */
  truncated: boolean;
}

/** Turns texts into vectors with one embedding model. */
export interface Embedder {
  /** The embedding model's name; cached vectors are keyed by it, so changing it re-embeds. */
  readonly model: string;
  /**
   * Embeds `texts` in one request.
   *
   * @returns one unit-length vector per text, in the order given.
   * @throws LanguageModelError when the call fails or the response does not match the request.
   */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/**
 * What the core needs from a language model. Only `src/languageModel/` knows it is OpenAI's client
 * behind it, so the core and its tests depend on this shape alone.
 */
export interface LanguageModel {
  /** The chat model's name, for logs. */
  readonly model: string;
  /**
   * Asks the chat model for a reply in plain text (no `response_format`, which servers disagree on).
   * A reasoning model's `<think>…</think>` block is removed and a separate `reasoning_content` is never
   * read. Every call logs its token usage (model, prompt and completion tokens).
   *
   * @throws LanguageModelError on a timeout, a 429 or 5xx left after the client's own retries, a
   *   refusal, or a reply with no text; `retryable` says whether later may help.
   */
  complete(messages: readonly ChatMessage[]): Promise<Completion>;
  /** Present only when an embedding model is configured (`OPENAI_EMBEDDING_MODEL`). */
  readonly embedder?: Embedder;
}
