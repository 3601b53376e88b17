import { hash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { KnowledgeFileError } from '../errors.js';
import type { Article, ArticleContent } from './article.js';
import { deriveTitle } from './deriveTitle.js';
import { findOutlet } from './findOutlet.js';
import { isIsoDate } from './isIsoDate.js';
import { parseMarkdownArticle } from './parseMarkdownArticle.js';
import { splitIntoParagraphs } from './splitIntoParagraphs.js';

/** File extensions read as Markdown; every other accepted file is plain text. */
export const markdownExtensions = new Set(['.md', '.markdown']);

// `fatal` makes malformed bytes an error instead of silently becoming U+FFFD in stored passages.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

// The scraped format's first line: " date 2026-02-06 <caption> Photograph: EPA".
const rawHeaderPattern = /^date\s+(\d{4}-\d{2}-\d{2})(?!\d)[ \t]*(.*)$/i;
const photoCreditPattern = /\b(?:Photograph|Photo|Photography|Illustration|Composite)\s*:\s*[^:]*$/i;
/** A first line this short without a final period reads as a headline, not as the article's opening. */
const maxHeadlineLength = 150;

/**
 * The article id for a file: its name without the extension (`knowledge/a/001_x.txt` → `001_x`).
 */
export function articleIdOf(relativePath: string): string {
  return basename(relativePath, extname(relativePath));
}

// Windows editors save "Unicode" text as UTF-16 with a byte order mark, which says which one it is.
function detectEncoding(bytes: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function decodeText(path: string, bytes: Buffer): string {
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-8' && bytes.includes(0))
    throw new KnowledgeFileError(path, 'binary data (NUL bytes): not a UTF-8 or UTF-16 text file');
  let text: string;
  try {
    text =
      encoding === 'utf-8'
        ? utf8Decoder.decode(bytes)
        : new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new KnowledgeFileError(path, `not valid ${encoding.toUpperCase()} text (re-save it as UTF-8)`, {
      cause: error,
    });
  }
  if (text.trim() === '') throw new KnowledgeFileError(path, 'empty file (no text)');
  // The decoders already drop the byte order mark; Windows and old Mac line endings become `\n`.
  return text.replace(/\r\n?/g, '\n');
}

function parseRawHeader(
  path: string,
  text: string,
): { published: string; caption: string | null; body: string } | null {
  const newline = text.indexOf('\n');
  const firstLine = (newline === -1 ? text : text.slice(0, newline)).trim();
  const header = rawHeaderPattern.exec(firstLine);
  if (!header) return null;
  const [, published = '', rest = ''] = header;
  if (!isIsoDate(published))
    throw new KnowledgeFileError(path, `header: ${published} is not a calendar date`);
  const remainder = newline === -1 ? '' : text.slice(newline + 1);
  // The header's text is a photo caption only when it ends with a credit; otherwise it is the body's start.
  if (photoCreditPattern.test(rest)) return { published, caption: rest.trim(), body: remainder };
  return { published, caption: null, body: `${rest}\n${remainder}` };
}

function parseTextArticle(path: string, text: string): ArticleContent {
  const header = parseRawHeader(path, text);
  let body = header ? header.body : text;
  let title: string | null = null;
  if (!header) {
    const [firstLine = '', ...otherLines] = text.trim().split('\n');
    const headline = firstLine.trim();
    const looksLikeHeadline = headline.length <= maxHeadlineLength && !headline.endsWith('.');
    if (looksLikeHeadline && otherLines.join('').trim() !== '') {
      title = headline;
      body = otherLines.join('\n');
    }
  }
  const paragraphs = splitIntoParagraphs(body);
  const firstParagraph = paragraphs[0];
  if (firstParagraph === undefined) throw new KnowledgeFileError(path, 'no article text after the header');
  const caption = header?.caption ?? null;
  const captionText = caption?.replace(photoCreditPattern, '').trim();
  return {
    title: title ?? deriveTitle(captionText || firstParagraph),
    source: findOutlet(paragraphs),
    url: null,
    published: header?.published ?? null,
    author: null,
    caption,
    paragraphs,
  };
}

/**
 * Reads one knowledge file into an Article. Three formats: the scraped raw text (first line
 * ` date YYYY-MM-DD <photo caption> Photograph: <agency>`, then paragraphs), Markdown with YAML front
 * matter (`.md`, `.markdown`; see parseMarkdownArticle), and plain text whose first line is the title
 * when it is short and has no final period. A closing "This article originally appeared in X." line
 * gives the outlet and stays the last paragraph: it is the article's own words, so it can be cited.
 *
 * @param path the file as shown to the operator in errors (e.g. `knowledge/001.txt`).
 * @param bytes the file's raw contents.
 * @param relativePath the path inside the knowledge folder; gives the id, the format and `Article.path`.
 * Text is UTF-8, or UTF-16 when it starts with a byte order mark.
 *
 * @param now the present, against which a publish date after tomorrow (UTC) is rejected.
 * @throws KnowledgeFileError naming `path` when the file is binary, empty, not UTF-8 (or UTF-16 with
 *   its mark), has broken front matter, an impossible header date or a publish date after tomorrow,
 *   or has no text besides its header.
 */
export function parseArticle(
  path: string,
  bytes: Buffer,
  relativePath: string,
  now: Date = new Date(),
): Article {
  const text = decodeText(path, bytes);
  const isMarkdown = markdownExtensions.has(extname(relativePath).toLowerCase());
  const content = isMarkdown ? parseMarkdownArticle(path, text) : parseTextArticle(path, text);
  // A typo such as 9999-12-31 would otherwise top every "latest" list and digest for ever. Tomorrow
  // is allowed: a story dated in a time zone ahead of UTC.
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (content.published !== null && content.published.slice(0, 10) > tomorrow)
    throw new KnowledgeFileError(path, `published date ${content.published} is in the future; correct it`);
  return {
    id: articleIdOf(relativePath),
    path: relativePath.replaceAll('\\', '/'),
    contentHash: hash('sha256', bytes, 'hex'),
    ...content,
  };
}
