import { z } from 'zod';
import { NewsdeskError } from '../errors.js';

const expectation = {
  answerable: z.boolean().optional(),
  /** Every group must be matched by at least one of its alternatives (case-insensitive). */
  must_include: z.array(z.array(z.string().min(1)).min(1)).optional(),
  must_not_include: z.array(z.string().min(1)).optional(),
  /** The article id the answer must cite (or one of `sources`). */
  source: z.string().optional(),
  /** Every article whose citation counts (the story's republications and recaps); `source` counts too. */
  sources: z.array(z.string()).optional(),
};
/** The reference date for "now", "since the 14th", "latest": YYYY-MM-DD. */
const today = z.iso.date().optional();

// Strict: a misspelt key ("must_includ") would otherwise drop its check and let the item pass.
export const turnSchema = z.strictObject({ question: z.string().min(1), ...expectation });
const conversationSchema = z.strictObject({
  id: z.string().min(1),
  turns: z.array(turnSchema).min(1),
  today,
});
const questionSchema = z.strictObject({
  id: z.string().min(1),
  question: z.string().min(1),
  ...expectation,
  today,
});
const evaluationItemSchema = z.union([conversationSchema, questionSchema]);

export type EvaluationTurn = z.infer<typeof turnSchema>;
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;

/**
 * Parses a JSONL question file: one item per non-blank line, either a single question or a
 * conversation (`turns`). Scoring rules are in each line (see `scoreAnswer`). A byte-order mark
 * (as Windows editors save) is ignored.
 *
 * @throws NewsdeskError (`code: 'evaluation_file'`) naming the line number and the problem (the field
 *   at fault, or a key no item has) for a line that is not a valid item, an id used twice, or a file
 *   with no items.
 */
export function parseEvaluationItems(jsonl: string): EvaluationItem[] {
  const seen = new Set<string>();
  const items = jsonl
    .replace(/^\uFEFF/, '')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new NewsdeskError(
          'evaluation_file',
          `line ${index + 1}: not JSON (${(error as Error).message})`,
        );
      }
      // Read as the kind of item it is, so the error names its field rather than "invalid input".
      const isConversation = typeof json === 'object' && json !== null && 'turns' in json;
      const result = (isConversation ? conversationSchema : questionSchema).safeParse(json);
      if (!result.success) {
        throw new NewsdeskError('evaluation_file', `line ${index + 1}: ${z.prettifyError(result.error)}`);
      }
      if (seen.has(result.data.id))
        throw new NewsdeskError('evaluation_file', `line ${index + 1}: id "${result.data.id}" is used twice`);
      seen.add(result.data.id);
      return [result.data];
    });
  if (items.length === 0) throw new NewsdeskError('evaluation_file', 'the file holds no questions');
  return items;
}
