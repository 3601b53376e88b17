import { parseHTML } from 'linkedom';
import { splitIntoParagraphs } from '../knowledge/splitIntoParagraphs.js';

/** Elements that end a paragraph when HTML is read as text. */
const blockSelector =
  'p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, section, article, tr, figcaption, dd, dt';

/**
 * Reads an HTML fragment (an item's content, a readability result) as paragraphs of plain text:
 * entities decoded, tags dropped, each block element (`p`, `li`, `h2`, …) and each pair of `<br>`s
 * a paragraph; scripts, styles and `<template>`s left out.
 *
 * @returns the non-empty paragraphs in reading order, whitespace collapsed (see splitIntoParagraphs).
 */
export function htmlToParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll('script, style, template, noscript')) element.remove();
  for (const element of document.querySelectorAll('br')) element.replaceWith(document.createTextNode('\n'));
  for (const element of document.querySelectorAll(blockSelector)) {
    element.before(document.createTextNode('\n\n'));
    element.after(document.createTextNode('\n\n'));
  }
  return splitIntoParagraphs((document.body.textContent ?? '').replace(/\r\n?/g, '\n'));
}

/** An HTML or plain string (a title, a summary) as one line of text; `null` when nothing is left. */
export function htmlToLine(html: string | null): string | null {
  if (html === null) return null;
  const line = htmlToParagraphs(html).join(' ').trim();
  return line === '' ? null : line;
}
