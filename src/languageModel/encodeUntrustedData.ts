/**
 * Encodes untrusted text (a user's question, article passages, earlier answers) for a prompt as JSON
 * with `<` and `>` escaped as `\u003c` and `\u003e`: the model reads the same strings, but nothing inside
 * can close the `<…>` block the prompt wraps it in and pass for our own instructions.
 *
 * @returns indented JSON text; `JSON.parse` gives back `value`.
 */
export function encodeUntrustedData(value: unknown): string {
  return JSON.stringify(value, null, 1).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e');
}
