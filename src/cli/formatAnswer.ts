import type { Answer } from '../answer/answer.js';

/**
 * Renders an answer for a terminal: the answer text, then the numbered sources with title, outlet,
 * date, link and the quoted passage.
 */
export function formatAnswer(answer: Answer): string {
  if (answer.citations.length === 0) return `${answer.answer}\n`;
  const sources = answer.citations.map((citation) => {
    const byline = [citation.source, citation.published].filter(Boolean).join(', ');
    const lines = [`[${citation.n}] ${citation.title}${byline ? ` — ${byline}` : ''}`];
    if (citation.url) lines.push(`    ${citation.url}`);
    lines.push(`    “${citation.quote}”`);
    return lines.join('\n');
  });
  return `${answer.answer}\n\nSources\n${sources.join('\n')}\n`;
}
