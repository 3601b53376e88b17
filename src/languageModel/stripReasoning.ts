// DeepSeek-R1, Qwen3, QwQ and gpt-oss put their reasoning in the message content when the server does
// not separate it (Ollama and llama.cpp by default for some templates): `<think>…</think>` first, or
// only the closing tag when the chat template already opened the block.
const closedBlock = /<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi;
const closingTag = /<\/(?:think|thinking|reasoning)>/i;
const openingTag = /<(?:think|thinking|reasoning)>/i;

/**
 * The reply without the model's reasoning: closed `<think>` (or `<thinking>`, `<reasoning>`) blocks
 * removed, everything up to a lone closing tag removed, and everything from an opening tag that never
 * closes removed (the model was cut off while still reasoning).
 *
 * @returns the remaining text, trimmed; "" when the reply was all reasoning.
 */
export function stripReasoning(content: string): string {
  let text = content.replace(closedBlock, '');
  const closing = closingTag.exec(text);
  if (closing) text = text.slice(closing.index + closing[0].length);
  const opening = openingTag.exec(text);
  if (opening) text = text.slice(0, opening.index);
  return text.trim();
}
