import type { Answer } from '../answer/answer.js';

/**
 * Renders an answer for a terminal: the answer text and its notice (in parentheses) if any, then the
 * numbered sources with title, outlet, date, link and the quoted passage.
 */
export function formatAnswer(answer: Answer): string {
  const text = answer.notice ? `${answer.answer}\n(${answer.notice})` : answer.answer;
  const followUp = answer.conversationId
    ? `\nFollow up: npm run ask -- --conversation ${answer.conversationId} "your next question"\n`
    : '';
  if (answer.citations.length === 0) return `${text}\n${followUp}`;
  const sources = answer.citations.map((citation) => {
    const byline = [citation.source, citation.published].filter(Boolean).join(', ');
    const lines = [`[${citation.n}] ${citation.title}${byline ? ` — ${byline}` : ''}`];
    if (citation.url) lines.push(`    ${citation.url}`);
    lines.push(`    “${citation.quote}”`);
    return lines.join('\n');
  });
  return `${text}\n\nSources\n${sources.join('\n')}\n${followUp}`;
}
