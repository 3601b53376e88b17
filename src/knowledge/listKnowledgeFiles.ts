import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/**
 * Lists the article files (`.txt`, `.md`, `.markdown`) under `directory`, recursively, sorted by
 * relative path. Dotfiles and dot-folders are skipped (editor and VCS files). Symbolic links to files
 * are followed; links to folders are not, so a link cycle cannot make the walk endless.
 *
 * @throws NewsdeskError (`code: 'knowledge_missing'`) when `directory` is missing or unreadable.
 */
export function listKnowledgeFiles(directory: string): KnowledgeFile[] {
  const files: KnowledgeFile[] = [];
  const pending = [''];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries =
      folder === '' ? readFolder(directory) : readdirSync(join(directory, folder), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relativePath = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        pending.push(relativePath);
        continue;
      }
      if (!articleExtensions.test(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
      const path = join(directory, relativePath);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats?.isFile()) files.push({ path, relativePath, size: stats.size, mtimeMs: stats.mtimeMs });
    }
  }
  return files.sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );
}

/**
 * A cheap fingerprint of a listing: SHA-256 (hex) over the folder's absolute path, the article format
 * version and each file's relative path, size and modification time. Any added, removed, edited or
 * touched file, or a newer parser, changes it; file contents are never read.
 */
export function fingerprintKnowledgeFiles(directory: string, files: KnowledgeFile[]): string {
  const hash = createHash('sha256').update(`${articleFormatVersion}\n${resolve(directory)}\n`);
  for (const file of files) hash.update(`${file.relativePath}\0${file.size}\0${file.mtimeMs}\n`);
  return hash.digest('hex');
}
