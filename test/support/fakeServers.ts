import type { FakeReply } from './fakeOpenAI.js';

/**
 * How a fake server family treats a scripted chat reply, beyond the reply itself:
 * - `openai`: as scripted (OpenAI, and vLLM without a reasoning parser);
 * - `lmStudio`: rejects `response_format: {type: "json_object"}` with LM Studio's HTTP 400;
 * - `thinksInContent`: puts a `<think>…</think>` block before the content (DeepSeek-R1 or Qwen3 on
 *   Ollama or llama.cpp's server);
 * - `separatesReasoning`: sends the reasoning as `reasoning_content` beside the content (vLLM's and
 *   DeepSeek's reasoning parsers);
 * - `{ cutsOffAfter: n }`: stops the content after n characters with `finish_reason: "length"`.
 * The reasoning mentions a source that was never given ("[7]"), so a test sees whether it leaked.
 */
export type FakeServer =
  | 'openai'
  | 'lmStudio'
  | 'thinksInContent'
  | 'separatesReasoning'
  | { cutsOffAfter: number };

/** What a reasoning model thinks before answering; it must never reach an answer. */
export const fakeReasoning = 'The user asks about the talks. Maybe I should say they were cancelled [7].';

/** LM Studio's reply to `json_object` (lmstudio-ai/lmstudio-bug-tracker#189, still open). */
export const lmStudioRejection = "'response_format.type' must be 'json_schema' or 'text'";

interface ChatBody {
  choices: { message: Record<string, unknown> & { content: string }; finish_reason: string }[];
}

function hasChoices(body: unknown): body is ChatBody {
  return typeof body === 'object' && body !== null && Array.isArray((body as ChatBody).choices);
}

/**
 * The reply `server` sends for a request with `requestBody` when `reply` was scripted: the scripted
 * reply changed the way that server family changes it (see `FakeServer`). Error replies pass as they are.
 */
export function actLike(
  server: FakeServer,
  requestBody: Record<string, unknown>,
  reply: FakeReply,
): FakeReply {
  const format = requestBody.response_format as { type?: string } | undefined;
  if (server === 'lmStudio' && format?.type === 'json_object') {
    return { status: 400, body: { error: lmStudioRejection } };
  }
  if (!('body' in reply) || !hasChoices(reply.body)) return reply;
  const body: ChatBody = structuredClone(reply.body);
  for (const choice of body.choices) {
    if (server === 'thinksInContent')
      choice.message.content = `<think>\n${fakeReasoning}\n</think>\n\n${choice.message.content}`;
    if (server === 'separatesReasoning') choice.message.reasoning_content = fakeReasoning;
    if (typeof server === 'object') {
      choice.message.content = choice.message.content.slice(0, server.cutsOffAfter);
      choice.finish_reason = 'length';
    }
  }
  return { ...reply, body };
}
