import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { KnowledgeFileError } from '../errors.js';
import type { ArticleContent } from './article.js';
import { deriveTitle } from './deriveTitle.js';
import { findOutlet } from './findOutlet.js';
import { isIsoDate } from './isIsoDate.js';
import { splitIntoParagraphs } from './splitIntoParagraphs.js';
import { stripMarkdown } from './stripMarkdown.js';

// YAML reads `title: 2026` or `author: true` as a number or a boolean; the writer meant the words.
const text = z.preprocess(
  (value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value),
  z.string().trim().min(1, 'must not be empty'),
);
const optionalText = text.optional();

/** The YAML front matter a Markdown article may start with. Keys not listed here are ignored. */
const frontMatterSchema = z.object({
  title: text,
  source: optionalText,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  published: z.string().trim().refine(isIsoDate, 'must be an ISO date (YYYY-MM-DD) or date-time').optional(),
  author: optionalText,
});

const openingPattern = /^---[ \t]*\n/;
const closingPattern = /^(?:---|\.\.\.)[ \t]*$/m;

function readFrontMatter(path: string, text: string): { data: unknown; body: string } | null {
  const opening = openingPattern.exec(text);
  if (!opening) return null;
  const rest = text.slice(opening[0].length);
  const closing = closingPattern.exec(rest);
  if (!closing) throw new KnowledgeFileError(path, "front matter: no closing '---' line");
  let data: unknown;
  try {
    data = parseYaml(rest.slice(0, closing.index));
  } catch (error) {
    // The yaml package's first line is the whole problem and its position, ending in a colon that
    // introduces a source excerpt we do not show.
    const detail = (error as Error).message.split('\n')[0]?.replace(/:\s*$/, '');
    throw new KnowledgeFileError(path, `front matter: invalid YAML: ${detail}`, { cause: error });
  }
  return { data, body: rest.slice(closing.index + closing[0].length) };
}

/**
 * Parses a Markdown article: optional YAML front matter (`title` required; `source`, `url` as an
 * http(s) URL, `published` as an ISO date or date-time, `author` optional; a number or boolean given
 * for `title`, `source` or `author` is taken as its text, so `title: 2026` is the title "2026"), then a Markdown body reduced
 * to plain paragraphs. Without front matter the title is the first heading, else the first sentence.
 * The source falls back to a closing "This article originally appeared in X." line.
 *
 * @param path the file as named in errors.
 * @param text the decoded file, `\n` line endings, no byte order mark.
 * @throws KnowledgeFileError for unclosed or invalid YAML, or front matter failing the schema (each
 *   problem named by its key).
 */
export function parseMarkdownArticle(path: string, text: string): ArticleContent {
  const frontMatter = readFrontMatter(path, text);
  let metadata: z.infer<typeof frontMatterSchema> | null = null;
  if (frontMatter) {
    if (
      typeof frontMatter.data !== 'object' ||
      frontMatter.data === null ||
      Array.isArray(frontMatter.data)
    ) {
      throw new KnowledgeFileError(path, 'front matter: must be a YAML mapping of keys to values');
    }
    const result = frontMatterSchema.safeParse(frontMatter.data);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new KnowledgeFileError(path, `front matter: ${problems.join('; ')}`);
    }
    metadata = result.data;
  }
  const body = frontMatter ? frontMatter.body : text;
  const paragraphs = splitIntoParagraphs(stripMarkdown(body));
  const startsWithHeading = /^\s*#{1,6}\s+\S/.test(body);
  const title = metadata?.title ?? (startsWithHeading ? paragraphs[0] : undefined);
  // A heading that repeats the title is not body text; keeping it would make a passage of the title alone.
  if (title !== undefined && paragraphs[0]?.toLowerCase() === title.toLowerCase()) paragraphs.shift();
  const firstParagraph = paragraphs[0];
  if (firstParagraph === undefined)
    throw new KnowledgeFileError(path, 'no article text after the front matter');
  return {
    title: title ?? deriveTitle(firstParagraph),
    source: metadata?.source ?? findOutlet(paragraphs),
    url: metadata?.url ?? null,
    published: metadata?.published ?? null,
    author: metadata?.author ?? null,
    caption: null,
    paragraphs,
  };
}
