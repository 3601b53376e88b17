import type { Answer, Citation } from '../answer/answer.js';

/** A numbered source as a terminal shows it; `quote` is left out where the text above already quotes it. */
export type SourceLine = Pick<Citation, 'n' | 'title' | 'source' | 'published' | 'url'> & { quote?: string };

/**
 * Renders one numbered source for a terminal: `[n] title — outlet, date`, then the link and the quote
 * (when given) on indented lines.
 */
export function formatSource(source: SourceLine): string {
  const byline = [source.source, source.published].filter(Boolean).join(', ');
  const lines = [`[${source.n}] ${source.title}${byline ? ` — ${byline}` : ''}`];
  if (source.url) lines.push(`    ${source.url}`);
  if (source.quote !== undefined) lines.push(`    “${source.quote}”`);
  return lines.join('\n');
}

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
  const sources = answer.citations.map(formatSource);
  return `${text}\n\nSources\n${sources.join('\n')}\n${followUp}`;
}
