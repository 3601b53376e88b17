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

export const turnSchema = z.object({ question: z.string().min(1), ...expectation });
export const evaluationItemSchema = z.union([
  z.object({ id: z.string(), turns: z.array(turnSchema).min(1), today }),
  z.object({ id: z.string(), question: z.string().min(1), ...expectation, today }),
]);

export type EvaluationTurn = z.infer<typeof turnSchema>;
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;

/**
 * Parses a JSONL question file: one item per non-blank line, either a single question or a
 * conversation (`turns`). Scoring rules are in each line (see `scoreAnswer`).
 *
 * @throws NewsdeskError (`code: 'evaluation_file'`) naming the line number and the problem for a line that is not a valid item.
 */
export function parseEvaluationItems(jsonl: string): EvaluationItem[] {
  return jsonl.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new NewsdeskError('evaluation_file', `line ${index + 1}: not JSON (${(error as Error).message})`);
    }
    const result = evaluationItemSchema.safeParse(json);
    if (!result.success) {
      throw new NewsdeskError('evaluation_file', `line ${index + 1}: ${z.prettifyError(result.error)}`);
    }
    return [result.data];
  });
}
