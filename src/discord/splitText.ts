/** A citation marker such as `[3]` right after a would-be break: breaking there would orphan it. */
const markerAhead = /^\s*\[\d+\]/;
/** Text ending a sentence, possibly followed by its citation markers (`…talks. [2]`). */
const sentenceEnd = /[.!?…]["'”’)]*(\s*\[\d+\])*$/;

function isBreakable(character: string | undefined): boolean {
  return character === ' ' || character === '\n';
}

/**
 * The best place to end a chunk of at most `maxLength` characters: a paragraph break, else a line
 * break, else a sentence end, else a space, each only when it keeps the chunk at least half full;
 * otherwise the best break anywhere; only a single word longer than `maxLength` is cut inside.
 */
function findCut(text: string, maxLength: number): number {
  // lastAt[p]: the last break position of priority p or better (0 paragraph, 1 line, 2 sentence, 3 word).
  const lastAt = [-1, -1, -1, -1];
  for (let index = 1; index <= maxLength && index < text.length; index++) {
    if (!isBreakable(text[index]) || isBreakable(text[index - 1])) continue;
    if (markerAhead.test(text.slice(index, index + 16))) continue;
    const priority = text.startsWith('\n\n', index)
      ? 0
      : text[index] === '\n'
        ? 1
        : sentenceEnd.test(text.slice(Math.max(0, index - 40), index))
          ? 2
          : 3;
    for (let level = priority; level < lastAt.length; level++) lastAt[level] = index;
  }
  const wellFilled = lastAt.find((position) => position >= maxLength / 2);
  if (wellFilled !== undefined) return wellFilled;
  const anywhere = lastAt.find((position) => position > 0);
  return anywhere ?? cutInsideWord(text, maxLength);
}

/** A last-resort cut that still never splits a surrogate pair, a `\x` escape or a `[n]` marker. */
function cutInsideWord(text: string, maxLength: number): number {
  let cut = maxLength;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let backslashes = 0;
  while (text[cut - 1 - backslashes] === '\\') backslashes += 1;
  if (backslashes % 2 === 1) cut -= 1;
  const open = text.lastIndexOf('[', cut - 1);
  if (open > 0 && /^\[\d*$/.test(text.slice(open, cut)) && /^\d*\]/.test(text.slice(cut))) cut = open;
  return cut > 0 ? cut : maxLength;
}

/**
 * Takes the first chunk of at most `maxLength` characters (UTF-16 code units) off `text`, breaking
 * where a reader would (see `splitText`).
 *
 * @returns `[chunk, rest]`, both trimmed of the whitespace at the break; `rest` is `''` at the end.
 */
export function takeChunk(text: string, maxLength: number): [string, string] {
  const trimmed = text.trim();
  if (trimmed.length <= maxLength) return [trimmed, ''];
  const cut = findCut(trimmed, maxLength);
  return [trimmed.slice(0, cut).trimEnd(), trimmed.slice(cut).trimStart()];
}

/**
 * Splits text into chunks of at most `maxLength` characters for Discord's limits (see `discordLimits`).
 * Breaks prefer paragraphs, then lines, then sentence ends, then spaces; a citation marker `[n]` stays
 * with the text before it, so words, links (which hold no spaces) and escapes are never cut. Only a
 * single unbroken token longer than `maxLength` is cut, and never inside a surrogate pair or a `\x` escape.
 *
 * @param maxLength at least 2.
 */
export function splitText(text: string, maxLength: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.trim()) {
    const [chunk, remainder] = takeChunk(rest, maxLength);
    chunks.push(chunk);
    rest = remainder;
  }
  return chunks;
}

/** Shortens text to at most `maxLength` characters at a word break, ending with `…` when shortened. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  return `${takeChunk(text, maxLength - 1)[0]}…`;
}

/**
 * Joins lines into as few chunks of at most `maxLength` characters as it can, never splitting a line
 * (a line longer than `maxLength` is split with `splitText`). Used for lists, whose lines hold our own
 * markdown (masked links, bold) that must stay whole.
 */
export function packLines(lines: string[], maxLength: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    if (line.length > maxLength) {
      if (current) chunks.push(current);
      current = '';
      chunks.push(...splitText(line, maxLength));
    } else if (current && current.length + 1 + line.length > maxLength) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
