// Block-level lines that carry no prose of their own.
const fencePattern = /^\s{0,3}(?:```|~~~)/;
const headingPattern = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const ruleOrUnderlinePattern = /^\s{0,3}(?:[-*_=]\s*){3,}$/;
const linkDefinitionPattern = /^\s{0,3}\[[^\]]+\]:\s*\S/;
const listItemPattern = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const quotePattern = /^\s{0,3}(?:>\s?)+/;

// Every inline construct below starts with one of these; most prose lines have none.
const inlineMarkPattern = /[[<`*_~\\]/;

function stripInline(line: string): string {
  if (!inlineMarkPattern.test(line)) return line;
  return (
    line
      .replace(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])/g, '')
      .replace(/\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
      // Underscores inside words (snake_case, file names) are text, not emphasis.
      .replace(/(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
  );
}

/**
 * Turns a Markdown body into plain prose with paragraphs separated by blank lines: heading markers,
 * emphasis, code marks, quote and list markers are removed, links become their text, images, code
 * blocks, HTML tags and comments, rules and link definitions are dropped. Headings and list items
 * become paragraphs of their own so they never run into the sentence that follows.
 *
 * @param markdown the body after any front matter, with `\n` line endings.
 */
export function stripMarkdown(markdown: string): string {
  const lines: string[] = [];
  let inFence = false;
  for (const line of markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    if (fencePattern.test(line)) {
      inFence = !inFence;
      lines.push('');
      continue;
    }
    if (inFence || ruleOrUnderlinePattern.test(line) || linkDefinitionPattern.test(line)) {
      lines.push('');
      continue;
    }
    const heading = headingPattern.exec(line);
    if (heading) {
      lines.push('', stripInline(heading[1] ?? ''), '');
      continue;
    }
    const unquoted = line.replace(quotePattern, '');
    if (listItemPattern.test(unquoted)) lines.push('');
    lines.push(stripInline(unquoted.replace(listItemPattern, '')));
  }
  return lines.join('\n');
}
