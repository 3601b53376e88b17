import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, type Stats, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { NewsdeskError } from '../errors.js';
import { articleFormatVersion } from './article.js';

/** One candidate article file found under the knowledge folder. */
export interface KnowledgeFile {
  /** The folder joined with `relativePath`: how the operator would name the file. */
  path: string;
  /** Path inside the knowledge folder, with forward slashes. */
  relativePath: string;
  /** Size in bytes. */
  size: number;
  /** Last modification time in milliseconds since the epoch. */
  mtimeMs: number;
}

/** An entry that looks like an article (or a folder of them) but cannot be read as one. */
export interface UnreadableKnowledgeEntry {
  /** The folder joined with `relativePath`. */
  path: string;
  /** Path inside the knowledge folder, with forward slashes. */
  relativePath: string;
  /** Why, in words an operator can act on: "broken link (its target does not exist)", ... */
  problem: string;
  /** True for a folder that cannot be listed: every article stored from below it is kept. */
  isFolder: boolean;
}

/** A file or folder left out on purpose: hidden, or not an article by its extension. */
export interface IgnoredKnowledgeEntry {
  /** Path inside the knowledge folder, with forward slashes. */
  relativePath: string;
  /** "hidden", "hidden folder", or "not .txt, .md or .markdown" */
  reason: string;
}

/** What `listKnowledgeFiles` found: the readable article files and the entries that cannot be read. */
export interface KnowledgeListing {
  /** Sorted by relative path. */
  files: KnowledgeFile[];
  /** Sorted by relative path. */
  unreadable: UnreadableKnowledgeEntry[];
  /** Sorted by relative path; a hidden folder is one entry, its contents are not listed. */
  ignored: IgnoredKnowledgeEntry[];
}

const articleExtensions = /\.(?:txt|md|markdown)$/i;

function readFolder(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const problem = missing ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new NewsdeskError(
      'knowledge_missing',
      `knowledge folder ${directory} ${problem}; set KNOWLEDGE_DIR`,
      {
        cause: error,
        userMessage: 'No articles are available: the knowledge folder is missing.',
      },
    );
  }
}

function describeStatError(error: unknown, isLink: boolean): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ELOOP') return 'symbolic link loop (the link leads back to itself)';
  if (code === 'ENOENT' && isLink) return 'broken link (its target does not exist)';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${message})`;
  return `cannot be examined (${message})`;
}

function describeNonFile(stats: Stats, isLink: boolean): string {
  if (stats.isDirectory())
    return 'not a regular file (a link to a folder; links to folders are not followed)';
  if (stats.isFIFO()) return 'not a regular file (a named pipe)';
  if (stats.isSocket()) return 'not a regular file (a socket)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'not a regular file (a device)';
  return isLink ? 'not a regular file (a link to something else)' : 'not a regular file';
}

function byRelativePath(a: { relativePath: string }, b: { relativePath: string }): number {
  return a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0;
}

/**
 * Lists the article files (`.txt`, `.md`, `.markdown`) under `directory`, recursively. Dotfiles and
 * dot-folders are left out (editor and VCS files), and so are files with other extensions; both are
 * named in `ignored`, so an ingest can say what it did not read. Symbolic
 * links to files are followed; links to folders are not, so a link cycle cannot make the walk endless.
 * Anything named like an article that is not a readable regular file (a link loop, a broken link, a
 * link to a folder, a named pipe, a device) and any sub-folder that cannot be listed is returned in
 * `unreadable` with its problem, never thrown: one bad entry must not stop every other file.
 *
 * @throws NewsdeskError (`code: 'knowledge_missing'`) when `directory` itself is missing or unreadable.
 */
export function listKnowledgeFiles(directory: string): KnowledgeListing {
  const files: KnowledgeFile[] = [];
  const unreadable: UnreadableKnowledgeEntry[] = [];
  const ignored: IgnoredKnowledgeEntry[] = [];
  const pending = [''];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries: Dirent[];
    try {
      entries =
        folder === '' ? readFolder(directory) : readdirSync(join(directory, folder), { withFileTypes: true });
    } catch (error) {
      if (folder === '') throw error;
      const problem = `folder cannot be read (${(error as Error).message})`;
      unreadable.push({ path: join(directory, folder), relativePath: folder, problem, isFolder: true });
      continue;
    }
    for (const entry of entries) {
      const relativePath = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.name.startsWith('.')) {
        ignored.push({ relativePath, reason: entry.isDirectory() ? 'hidden folder' : 'hidden' });
        continue;
      }
      if (entry.isDirectory()) {
        pending.push(relativePath);
        continue;
      }
      if (!articleExtensions.test(entry.name)) {
        const extension = extname(entry.name) || 'no extension';
        ignored.push({ relativePath, reason: `${extension}: not .txt, .md or .markdown` });
        continue;
      }
      const path = join(directory, relativePath);
      const isLink = entry.isSymbolicLink();
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch (error) {
        unreadable.push({ path, relativePath, problem: describeStatError(error, isLink), isFolder: false });
        continue;
      }
      if (stats.isFile()) files.push({ path, relativePath, size: stats.size, mtimeMs: stats.mtimeMs });
      else unreadable.push({ path, relativePath, problem: describeNonFile(stats, isLink), isFolder: false });
    }
  }
  return {
    files: files.sort(byRelativePath),
    unreadable: unreadable.sort(byRelativePath),
    ignored: ignored.sort(byRelativePath),
  };
}

/**
 * A cheap fingerprint of a listing: SHA-256 (hex) over the folder's absolute path, the article format
 * version, each file's relative path, size and modification time, and each unreadable entry's relative
 * path and problem. Any added, removed, edited or touched file, a newer parser, or an entry becoming
 * readable or unreadable changes it; file contents are never read.
 */
export function fingerprintKnowledgeFiles(directory: string, listing: KnowledgeListing): string {
  const hash = createHash('sha256').update(`${articleFormatVersion}\n${resolve(directory)}\n`);
  for (const file of listing.files) hash.update(`${file.relativePath}\0${file.size}\0${file.mtimeMs}\n`);
  for (const entry of listing.unreadable) hash.update(`${entry.relativePath}\0${entry.problem}\n`);
  return hash.digest('hex');
}
