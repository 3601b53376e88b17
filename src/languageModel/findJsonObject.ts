import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown());
const codeFence = /^```[a-z]*\s*([\s\S]*?)\s*```$/i;

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const result = jsonObject.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The JSON object a model's reply holds, read tolerantly: the whole reply, the inside of a Markdown
 * code fence, or the span from the first `{` to the last `}` when the model wrapped it in prose
 * ("Here is the answer: {…}"), as small local models do.
 *
 * @returns the object's fields, or `undefined` when the reply holds no JSON object (plain text).
 */
export function findJsonObject(reply: string): Record<string, unknown> | undefined {
  const text = reply.trim().replace(codeFence, '$1');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1) return undefined;
  return parseObject(text) ?? (end > start ? parseObject(text.slice(start, end + 1)) : undefined);
}

/**
 * The first of `names` that `fields` holds as a non-blank string, trimmed.
 *
 * @returns `undefined` when none of them is a string.
 */
export function findStringField(
  fields: Record<string, unknown>,
  names: readonly string[],
): string | undefined {
  for (const name of names) {
    const value = z.string().trim().min(1).safeParse(fields[name]);
    if (value.success) return value.data;
  }
  return undefined;
}
