import { z } from 'zod';
import { splitIntoSentences } from '../knowledge/splitIntoPassages.js';
import { findJsonObject, findStringField } from '../languageModel/findJsonObject.js';
import type { Completion } from '../languageModel/languageModel.js';

/** What a model's reply says, read tolerantly; grounding is checked afterwards, as strictly as ever. */
export type ModelAnswerReading =
  | { kind: 'abstained' }
  | { kind: 'answer'; answer: string; used: number[]; droppedCutSentence: boolean }
  | { kind: 'unreadable'; reason: string };

/** What the prompt asks a model to reply when the sources do not answer (see `buildAnswerPrompt`). */
export const abstentionReply = 'NOT IN SOURCES';

// The names small local models give these fields when they answer in JSON although asked for text.
const answerFields = ['answer', 'text', 'response', 'content', 'result', 'output', 'reply', 'summary'];
const usedFields = ['used', 'citations', 'sources', 'cited', 'references'];
const abstainFields = ['abstained', 'abstain', 'abstention', 'cannot_answer', 'not_in_sources'];
const marker = /\[\d+\]/;
const sourceNumbers = z.array(z.coerce.number());
const partialAnswer = new RegExp(`"(?:${answerFields.join('|')})"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)`);
// A list of sources after the answer ("Sources:\n[1] The New York Times") would pass for cited claims.
const sourceList = /\n[ \t*_#]*(?:sources|references|citations)[ \t*_]*(?::|\n)[\s\S]*$/i;
const completeSentence = /[.!?]["”’)\]]*(?:\s*\[\d+\])*\s*$/;

function isAbstention(text: string): boolean {
  return (
    text
      .replace(/[^a-z ]/gi, '')
      .trim()
      .toUpperCase() === abstentionReply
  );
}

// A reply cut off inside its JSON string ("{"answer": "The talks are in Mus") never parses.
function readPartialJson(text: string): string | undefined {
  const value = partialAnswer.exec(text)?.[1]?.replace(/\\u?[0-9a-f]{0,3}$|\\$/i, '');
  if (value === undefined) return undefined;
  try {
    return z.string().parse(JSON.parse(`"${value}"`));
  } catch {
    return undefined;
  }
}

const cutBeforeAnswer = 'malformed output: cut off at the token limit before a complete sentence';

function readJson(fields: Record<string, unknown>): ModelAnswerReading {
  if (abstainFields.some((name) => fields[name] === true)) return { kind: 'abstained' };
  const answer =
    findStringField(fields, answerFields) ??
    Object.values(fields).find((value): value is string => typeof value === 'string' && marker.test(value));
  const empty = answerFields.some((name) => fields[name] === '');
  if (empty || (answer !== undefined && isAbstention(answer))) return { kind: 'abstained' };
  if (answer === undefined) return { kind: 'unreadable', reason: 'malformed output: JSON without an answer' };
  const usedField = usedFields
    .map((name) => sourceNumbers.safeParse(fields[name]))
    .find((parsed) => parsed.success);
  return { kind: 'answer', answer, used: usedField?.data ?? [], droppedCutSentence: false };
}

/**
 * Reads a model's reply to the answer prompt, whatever shape it came in: plain text with `[n]`
 * markers (what the prompt asks for), or a JSON object in any of the field names models use
 * (`answer`/`text`/`response`…, `used`/`citations`…, `abstained`/`abstain`…), bare, fenced or wrapped
 * in prose; a list of sources after a plain-text answer is left out. `NOT IN SOURCES` (or a JSON
 * abstention, or an empty answer) is an abstention. When the
 * server cut the reply at the token limit, the cut last sentence is dropped and the complete ones kept.
 *
 * @returns the answer text and the source numbers it lists (1-based, unchecked), an abstention, or
 *   why nothing usable was found.
 */
export function readModelAnswer(completion: Completion): ModelAnswerReading {
  const { text, truncated } = completion;
  if (isAbstention(text)) return { kind: 'abstained' };
  const fields = findJsonObject(text);
  if (fields) return readJson(fields);
  const brokenJson = /^\s*(?:```[a-z]*\s*)?\{/i.test(text);
  // Broken JSON is read only when the server cut it; otherwise the model or server is broken.
  if (brokenJson && !truncated) return { kind: 'unreadable', reason: 'malformed output: broken JSON' };
  const answer = brokenJson ? (readPartialJson(text) ?? '') : text.replace(sourceList, '');
  if (!truncated) return { kind: 'answer', answer, used: [], droppedCutSentence: false };
  const sentences = splitIntoSentences(answer);
  const cut = !completeSentence.test(sentences.at(-1) ?? '');
  const kept = cut ? sentences.slice(0, -1) : sentences;
  if (kept.length === 0) return { kind: 'unreadable', reason: cutBeforeAnswer };
  return { kind: 'answer', answer: kept.join(' '), used: [], droppedCutSentence: cut };
}
