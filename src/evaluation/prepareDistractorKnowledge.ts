import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticKnowledge } from './syntheticCorpus.js';

/** A temporary knowledge folder and database path for an evaluation among distractors. */
export interface DistractorKnowledge {
  knowledgeDir: string;
  databasePath: string;
  /** Removes the temporary folder, database included. */
  cleanUp(): void;
}

/**
 * Copies `knowledgeDir` into a temporary folder and adds `articles` synthetic news articles beside it
 * (in `distractors/`, seed 7, see `generateSyntheticArticles`), so an evaluation can measure whether
 * the right passages still rank first among many unrelated ones. The user's knowledge folder and
 * database are never touched: the database path points into the same temporary folder.
 *
 * @throws Error from the file system when the folder cannot be copied or written.
 */
export function prepareDistractorKnowledge(knowledgeDir: string, articles: number): DistractorKnowledge {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-distractors-'));
  try {
    const copy = join(directory, 'knowledge');
    cpSync(knowledgeDir, copy, { recursive: true });
    writeSyntheticKnowledge(join(copy, 'distractors'), { articles });
    return {
      knowledgeDir: copy,
      databasePath: join(directory, 'newsdesk.sqlite'),
      cleanUp: () => rmSync(directory, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}
