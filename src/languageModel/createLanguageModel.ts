import OpenAI from 'openai';
import type { Config } from '../config/config.js';
import { LanguageModelError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ChatMessage, Completion, Embedder, LanguageModel } from './languageModel.js';
import { stripReasoning } from './stripReasoning.js';
import { toLanguageModelError } from './toLanguageModelError.js';

/** Sent as the key to a compatible server that needs none: the client refuses to start without one. */
const placeholderKey = 'not-needed';

/**
 * Builds the language model from the configuration: OpenAI's official client speaking Chat
 * Completions (which every OpenAI-compatible server implements) with `OPENAI_TIMEOUT_MS` per request
 * and `OPENAI_MAX_RETRIES` retries with the client's own backoff after timeouts, 429s and 5xx.
 *
 * @returns `undefined` when neither `OPENAI_API_KEY` nor `OPENAI_BASE_URL` is set: newsdesk then
 *   stays extractive and sends nothing anywhere.
 */
export function createLanguageModel(config: Config, logger: Logger): LanguageModel | undefined {
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return undefined;
  const timeoutMs = config.OPENAI_TIMEOUT_MS;
  // Every option is passed explicitly, so the client never falls back to reading process.env itself.
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? placeholderKey,
    baseURL: config.OPENAI_BASE_URL ?? null,
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries: config.OPENAI_MAX_RETRIES,
  });
  const model = config.OPENAI_MODEL;

  async function complete(messages: readonly ChatMessage[]): Promise<Completion> {
    const started = performance.now();
    // No response_format: LM Studio rejects json_object, Ollama Cloud ignores json_schema, and a reply
    // with [n] markers is all grounding needs (docs/design.md, "Language model").
    const completion = await client.chat.completions
      .create({ model, messages: [...messages] })
      .catch((error: unknown) => {
        throw toLanguageModelError(error, timeoutMs);
      });
    logger.info(
      {
        model: completion.model || model,
        promptTokens: completion.usage?.prompt_tokens ?? null,
        completionTokens: completion.usage?.completion_tokens ?? null,
        milliseconds: Math.round(performance.now() - started),
      },
      'language model usage',
    );
    const choice = completion.choices?.[0];
    const fail = (message: string) => new LanguageModelError(message, { retryable: false });
    if (!choice) throw fail('malformed response: no choices');
    if (choice.message.refusal) throw fail('the model refused to answer');
    if (choice.finish_reason === 'content_filter') throw fail('the model refused to answer (content filter)');
    const truncated = choice.finish_reason === 'length';
    const text = stripReasoning(typeof choice.message.content === 'string' ? choice.message.content : '');
    if (text === '') {
      throw fail(
        truncated
          ? 'malformed output: cut off at the token limit before any answer'
          : 'malformed output: empty',
      );
    }
    return { text, truncated };
  }

  const embedder = config.OPENAI_EMBEDDING_MODEL
    ? createEmbedder(client, config.OPENAI_EMBEDDING_MODEL, timeoutMs)
    : undefined;
  return { model, complete, ...(embedder ? { embedder } : {}) };
}

function createEmbedder(client: OpenAI, model: string, timeoutMs: number): Embedder {
  return {
    model,
    async embed(texts) {
      if (texts.length === 0) return [];
      // Floats, not the client's default base64: several compatible servers only speak floats.
      const response = await client.embeddings
        .create({ model, input: [...texts], encoding_format: 'float' })
        .catch((error: unknown) => {
          throw toLanguageModelError(error, timeoutMs);
        });
      const data = [...(response.data ?? [])].sort((a, b) => a.index - b.index);
      if (data.length !== texts.length || data.some((item, position) => item.index !== position)) {
        throw new LanguageModelError('malformed response: embeddings do not match the texts sent', {
          retryable: false,
        });
      }
      return data.map((item) => normalise(item.embedding));
    },
  };
}

/** Scales a vector to unit length, so cosine similarity is a plain dot product at search time. */
function normalise(values: readonly number[]): Float32Array {
  const vector = Float32Array.from(values);
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  const length = Math.sqrt(sumOfSquares) || 1;
  for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / length;
  return vector;
}
