import { escapeMarkdown } from 'discord.js';

const zeroWidthSpace = '\u200b';
const maxLinkLength = 256;

/**
 * Makes text from an article or a user safe to place in a message or embed: Discord markdown is
 * escaped (discord.js `escapeMarkdown`, plus headings, lists, block quotes and `-#` subtext), masked
 * links `[text](url)` are broken at `](`, and mention syntax (`@everyone`, `@here`, `<@id>`, `<@&id>`,
 * `<#id>`, `</command:id>`, `<t:…>`) gets a zero-width space so it renders as plain text. Citation
 * markers such as `[2]` are left as they are. `allowedMentions` still guards pings; this guards looks.
 *
 * @param text any string; whitespace is kept as it is.
 * @returns the escaped text; it can be longer than the input (at most about twice).
 */
export function escapeForDiscord(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    .replace(/^(\s*)>/gm, '$1\\>')
    .replace(/^(\s*)-#/gm, '$1\\-#')
    .replaceAll('](', ']\\(')
    .replace(/@(everyone|here)/g, `@${zeroWidthSpace}$1`)
    .replace(/<(?=[@#/]|a?:\w|t:)/g, `<${zeroWidthSpace}`);
}

/**
 * Formats our own link to an article as a masked link, or `undefined` when `url` is not a plain
 * http(s) address (a `javascript:` or malformed value from an article file is never linked).
 * Parentheses are percent-encoded so they cannot end the link early; an address longer than
 * `maxLinkLength` is left out rather than let one link take a quarter of a 1024-character field.
 *
 * @param label text already escaped with `escapeForDiscord`; brackets in it are escaped here.
 */
export function formatMaskedLink(label: string, url: string | null | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const href = parsed.href.replaceAll('(', '%28').replaceAll(')', '%29');
  if (href.length > maxLinkLength) return undefined;
  return `[${label.replace(/(?<!\\)[[\]]/g, '\\$&')}](${href})`;
}
