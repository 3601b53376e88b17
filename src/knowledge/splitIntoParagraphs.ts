/**
 * Splits text into paragraphs at blank lines. Whitespace inside a paragraph (line breaks included) is
 * collapsed to single spaces, so a passage's text never depends on how the file was wrapped.
 *
 * @param text any text with `\n` line endings.
 * @returns the non-empty paragraphs in reading order.
 */
export function splitIntoParagraphs(text: string): string[] {
  return (
    text
      .split(/\n[ \t]*\n/)
      // Only runs of two or more and single non-space whitespace need replacing; replacing every space
      // with a space cost more than the rest of parsing (measured).
      .map((paragraph) => paragraph.replace(/\s{2,}|[^\S ]/g, ' ').trim())
      .filter((paragraph) => paragraph !== '')
  );
}
