import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src/context.js';
import { NewsdeskError } from '../../src/errors.js';
import { ingestKnowledge } from '../../src/knowledge/ingest.js';
import { ensureKnowledgeFresh } from '../../src/knowledge/knowledgeFingerprint.js';
import { createLogger } from '../../src/logger.js';
import type { NewsdeskDatabase } from '../../src/storage/database.js';
import { readMetadata, writeMetadata } from '../../src/storage/metadata.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

const seedPassages = 21;
const goodMarkdown =
  '---\ntitle: Envoys meet\nsource: Example Wire\npublished: 2026-02-08\n---\n\nEnvoys met in Muscat.\n\nThey talked for hours.';

let fixture: KnowledgeFixture | undefined;
afterEach(() => fixture?.cleanUp());

function rowsOf(current: KnowledgeFixture) {
  const { database } = current.context;
  return {
    articles: database
      .prepare('SELECT id, title, first_ingested_at, updated_at FROM articles ORDER BY id')
      .all() as {
      id: string;
      title: string;
      first_ingested_at: string;
      updated_at: string;
    }[],
    passages: database.prepare('SELECT count(*) FROM passages').pluck().get(),
    indexRows: database
      .prepare('SELECT count(*) FROM passage_index WHERE passage_index MATCH \'"muscat"\'')
      .pluck()
      .get(),
  };
}

/** `database` as seen by ingest, except that writing index terms containing `stem` runs `fail`. */
function failingIndexWrites(database: NewsdeskDatabase, stem: string, fail: () => never): NewsdeskDatabase {
  return new Proxy(database, {
    get(target, property) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        const statement = target.prepare(sql);
        if (!sql.startsWith('INSERT INTO passage_index')) return statement;
        return {
          run: (rowid: number, terms: string) =>
            terms.split(' ').includes(stem) ? fail() : statement.run(rowid, terms),
        };
      };
    },
  });
}

describe('ingestKnowledge', () => {
  it('returns added, then unchanged, when a new file is ingested twice', async () => {
    fixture = await createKnowledgeFixture();
    fixture.writeArticle('envoys.md', goodMarkdown);
    expect(await ingestKnowledge(fixture.context)).toEqual({
      added: 1,
      updated: 0,
      unchanged: 1,
      removed: 0,
      passages: seedPassages + 2,
      failed: [],
      ignored: [],
    });
    expect(await ingestKnowledge(fixture.context)).toMatchObject({
      added: 0,
      unchanged: 2,
      passages: seedPassages + 2,
    });
    expect(readMetadata(fixture.context.database, 'last_refreshed_at')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('returns updated and keeps first_ingested_at when a file changes', async () => {
    fixture = await createKnowledgeFixture({ 'envoys.md': goodMarkdown });
    const before = rowsOf(fixture).articles.find((article) => article.id === 'envoys');
    await new Promise((resolve) => setTimeout(resolve, 5));
    fixture.writeArticle(
      'envoys.md',
      goodMarkdown.replace('Envoys meet', 'Envoys meet again').concat('\n\nA third one.'),
    );
    expect(await ingestKnowledge(fixture.context)).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const after = rowsOf(fixture);
    const envoys = after.articles.find((article) => article.id === 'envoys');
    expect(envoys?.title).toBe('Envoys meet again');
    expect(envoys?.first_ingested_at).toBe(before?.first_ingested_at);
    expect(envoys?.updated_at).not.toBe(before?.updated_at);
    expect(after.passages).toBe(seedPassages + 3);
    // The old passages' index rows went with them: only the new "Muscat" passage and the seed's match.
    expect(after.indexRows).toBe(2);
  });

  it('returns removed and prunes passages and index rows when a file is deleted', async () => {
    fixture = await createKnowledgeFixture({ 'envoys.md': goodMarkdown });
    rmSync(join(fixture.knowledgeDir, 'envoys.md'));
    expect(await ingestKnowledge(fixture.context)).toMatchObject({
      removed: 1,
      unchanged: 1,
      passages: seedPassages,
    });
    expect(rowsOf(fixture)).toMatchObject({ passages: seedPassages, indexRows: 1 });
  });

  it.each([
    ['binary', Buffer.from([0x00, 0x01, 0x02]), /binary/],
    ['empty', Buffer.alloc(0), /empty/],
    ['not UTF-8', Buffer.from([0x4f, 0x6d, 0x61, 0x6e, 0xff]), /UTF-8/],
    ['broken front matter', Buffer.from('---\ntitle: [oops\n---\nBody.'), /front matter/],
  ])(
    'returns the %s file in failed and keeps its stored version while good files ingest',
    async (_case, bytes, problem) => {
      fixture = await createKnowledgeFixture({ 'envoys.md': goodMarkdown });
      writeFileSync(join(fixture.knowledgeDir, 'envoys.md'), bytes);
      mkdirSync(join(fixture.knowledgeDir, 'more'));
      writeFileSync(join(fixture.knowledgeDir, 'more', 'later.txt'), 'Talks resume\n\nDiplomats met again.');
      writeFileSync(join(fixture.knowledgeDir, 'notes.json'), '{}');
      writeFileSync(join(fixture.knowledgeDir, '.hidden.txt'), 'Hidden.');
      const summary = await ingestKnowledge(fixture.context);
      expect(summary).toMatchObject({
        added: 1,
        updated: 0,
        unchanged: 1,
        removed: 0,
        passages: seedPassages + 3,
      });
      expect(summary.failed).toHaveLength(1);
      expect(summary.failed[0]?.path).toBe(join(fixture.knowledgeDir, 'envoys.md'));
      expect(summary.failed[0]?.problem).toMatch(problem);
      expect(rowsOf(fixture).articles.map((article) => article.id)).toEqual([
        '000_5a94281ece3b6005',
        'envoys',
        'later',
      ]);
    },
  );

  it('returns a failure when two files share a name in different folders', async () => {
    fixture = await createKnowledgeFixture();
    mkdirSync(join(fixture.knowledgeDir, 'a'));
    fixture.writeArticle('a/envoys.md', goodMarkdown);
    fixture.writeArticle('envoys.txt', 'Envoys left.');
    const summary = await ingestKnowledge(fixture.context);
    expect(summary).toMatchObject({ added: 1 });
    expect(summary.failed).toEqual([
      {
        path: join(fixture.knowledgeDir, 'envoys.txt'),
        problem: 'same article id "envoys" as a/envoys.md; rename one of them',
      },
    ]);
  });

  it('keeps a stored article when a file of the same name is added in another folder, reporting the newcomer', async () => {
    fixture = await createKnowledgeFixture({ 'envoys.txt': 'Envoys left.' });
    mkdirSync(join(fixture.knowledgeDir, 'a'));
    fixture.writeArticle('a/envoys.md', goodMarkdown);
    const summary = await ingestKnowledge(fixture.context);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(summary.failed).toEqual([
      {
        path: join(fixture.knowledgeDir, 'a/envoys.md'),
        problem: 'same article id "envoys" as envoys.txt; rename one of them',
      },
    ]);
    const texts = fixture.context.database.prepare('SELECT text FROM passages WHERE article_id = ?').pluck();
    expect(texts.all('envoys')).toEqual(['Envoys left.']);
  });

  it('returns link loops, broken links, links to folders and named pipes in failed while other files ingest', async () => {
    fixture = await createKnowledgeFixture({ 'loop.md': goodMarkdown });
    const { knowledgeDir } = fixture;
    const at = (name: string) => join(knowledgeDir, name);
    rmSync(at('loop.md'));
    symlinkSync('other.md', at('loop.md'));
    symlinkSync('loop.md', at('other.md'));
    symlinkSync('missing.md', at('dangling.md'));
    mkdirSync(at('folder'));
    symlinkSync('folder', at('folder.md'));
    execFileSync('mkfifo', [at('pipe.txt')]);
    fixture.writeArticle('later.txt', 'Talks resume\n\nDiplomats met again in Muscat.');
    const summary = await ingestKnowledge(fixture.context);
    expect(summary).toMatchObject({ added: 1, unchanged: 1, removed: 0 });
    expect(summary.failed).toEqual([
      { path: at('dangling.md'), problem: 'broken link (its target does not exist)' },
      {
        path: at('folder.md'),
        problem: 'not a regular file (a link to a folder; links to folders are not followed)',
      },
      { path: at('loop.md'), problem: 'symbolic link loop (the link leads back to itself)' },
      { path: at('other.md'), problem: 'symbolic link loop (the link leads back to itself)' },
      { path: at('pipe.txt'), problem: 'not a regular file (a named pipe)' },
    ]);
    // loop.md was stored before it became a loop: like any failed file it keeps that version.
    expect(rowsOf(fixture).articles.map((article) => article.id)).toEqual([
      '000_5a94281ece3b6005',
      'later',
      'loop',
    ]);
    expect(rowsOf(fixture).indexRows).toBe(3);
  });

  it.skipIf(process.getuid?.() === 0)(
    'returns an unreadable sub-folder in failed and keeps the articles stored from it',
    async () => {
      fixture = await createKnowledgeFixture();
      const folder = join(fixture.knowledgeDir, 'locked');
      mkdirSync(folder);
      writeFileSync(join(folder, 'envoys.md'), goodMarkdown);
      expect(await ingestKnowledge(fixture.context)).toMatchObject({ added: 1 });
      chmodSync(folder, 0o000);
      try {
        const summary = await ingestKnowledge(fixture.context);
        expect(summary).toMatchObject({ removed: 0, unchanged: 1 });
        expect(summary.failed).toEqual([
          { path: folder, problem: expect.stringMatching(/^folder cannot be read/) },
        ]);
        expect(rowsOf(fixture).articles.map((article) => article.id)).toContain('envoys');
      } finally {
        chmodSync(folder, 0o755);
      }
    },
  );

  it('ingests hundreds of files on a worker thread: each good one searchable, each bad one reported in order', async () => {
    fixture = await createKnowledgeFixture();
    const warnings: string[] = [];
    const logger = createLogger('warn', { write: (line: string) => warnings.push(line) });
    const context: CoreContext = { ...fixture.context, logger };
    const names = Array.from({ length: 450 }, (_, index) => `wire-${String(index).padStart(3, '0')}.txt`);
    for (const [index, name] of names.entries()) {
      fixture.writeArticle(
        name,
        `Wire report ${index}\n\nEnvoys filed dispatch number d${index}x from Muscat.`,
      );
    }
    writeFileSync(join(fixture.knowledgeDir, 'wire-100.txt'), Buffer.from([0x00, 0x01]));
    writeFileSync(join(fixture.knowledgeDir, 'wire-399.txt'), Buffer.from([0x4f, 0x6d, 0xff]));
    const summary = await ingestKnowledge(context);
    expect(summary).toMatchObject({ added: 448, unchanged: 1, passages: seedPassages + 448 });
    expect(summary.failed.map((failure) => failure.path)).toEqual([
      join(fixture.knowledgeDir, 'wire-100.txt'),
      join(fixture.knowledgeDir, 'wire-399.txt'),
    ]);
    const matches = fixture.context.database.prepare(
      'SELECT p.article_id FROM passage_index JOIN passages p ON p.rowid = passage_index.rowid WHERE passage_index MATCH ?',
    );
    for (const index of [0, 199, 200, 401, 449]) {
      expect(matches.pluck().all(`"d${index}x"`)).toEqual([`wire-${String(index).padStart(3, '0')}`]);
    }
    fixture.writeArticle('wire-300.txt', 'Wire report 300\n\nEnvoys filed a corrected dispatch c300x.');
    expect(await ingestKnowledge(context)).toMatchObject({ added: 0, updated: 1, unchanged: 448 });
    expect(matches.pluck().all('"c300x"')).toEqual(['wire-300']);
    expect(matches.pluck().all('"d300x"')).toEqual([]);
    // Parsing falls back to the main thread if the worker thread fails; here it must not have needed to.
    expect(warnings.join('')).not.toMatch(/worker thread failed/);
  });

  it('stops with database_busy while another process holds the database, and the next refresh catches up', async () => {
    fixture = await createKnowledgeFixture();
    fixture.writeArticle('later.txt', 'Talks resume\n\nDiplomats met again in Salalah.');
    const other = new Database(fixture.context.config.DATABASE_PATH);
    fixture.context.database.pragma('busy_timeout = 100');
    other.exec('BEGIN IMMEDIATE');
    await expect(ingestKnowledge(fixture.context)).rejects.toMatchObject({
      code: 'database_busy',
      message: expect.stringContaining(fixture.context.config.DATABASE_PATH),
    });
    other.exec('ROLLBACK');
    other.close();
    expect(await ensureKnowledgeFresh(fixture.context)).toMatchObject({ added: 1, failed: [] });
    expect(await ensureKnowledgeFresh(fixture.context)).toBeNull();
  });

  it('resumes a rebuild for a new format where it stopped, instead of starting over', async () => {
    fixture = await createKnowledgeFixture();
    for (let index = 0; index < 300; index += 1) {
      const batch = index < 199 ? 'first' : 'second';
      fixture.writeArticle(
        `wire-${String(index).padStart(3, '0')}.txt`,
        `Report ${index}\n\nThe ${batch} batch.`,
      );
    }
    await ingestKnowledge(fixture.context);
    // As if the stored articles had been made by an older newsdesk.
    writeMetadata(fixture.context.database, 'knowledge_format_version', '0');
    const { database } = fixture.context;
    // The rebuild stops at the second batch of 200 files, as an interrupted or locked-out ingest would.
    const stoppingDatabase = failingIndexWrites(database, 'second', () => {
      throw new Database.SqliteError('database is locked', 'SQLITE_BUSY');
    });
    await expect(ingestKnowledge({ ...fixture.context, database: stoppingDatabase })).rejects.toMatchObject({
      code: 'database_busy',
    });
    expect(await ingestKnowledge(fixture.context)).toMatchObject({
      updated: 101,
      unchanged: 200,
      failed: [],
    });
  });

  it('returns a 200,000-paragraph file added and searchable', async () => {
    fixture = await createKnowledgeFixture();
    const paragraphs = Array.from({ length: 200_000 }, (_, index) => `Paragraph ${index} of the dump.`);
    paragraphs[123_456] = 'Envoys met in Muscat for the record.';
    fixture.writeArticle('dump.txt', `A long dump\n\n${paragraphs.join('\n\n')}`);
    const summary = await ingestKnowledge(fixture.context);
    expect(summary).toMatchObject({ added: 1, failed: [], passages: seedPassages + 200_000 });
    expect(rowsOf(fixture).indexRows).toBe(2);
  }, 60_000);

  it('returns a file whose index rows cannot be written in failed, keeping its previous version searchable', async () => {
    fixture = await createKnowledgeFixture({ 'envoys.md': goodMarkdown });
    const { database } = fixture.context;
    // A database whose index writes fail for one file's terms, as a full disk or I/O error would.
    const failingDatabase = failingIndexWrites(database, 'oman', () => {
      throw new Error('disk I/O error');
    });
    const context: CoreContext = { ...fixture.context, database: failingDatabase };
    fixture.writeArticle('envoys.md', goodMarkdown.replace('Muscat.', 'Muscat, Oman.'));
    fixture.writeArticle('later.txt', 'Talks resume\n\nDiplomats met again.');
    const summary = await ingestKnowledge(context);
    expect(summary).toMatchObject({ added: 1, updated: 0 });
    expect(summary.failed).toEqual([
      { path: join(fixture.knowledgeDir, 'envoys.md'), problem: 'cannot store: disk I/O error' },
    ]);
    const titles = database.prepare('SELECT text FROM passages WHERE article_id = ?').pluck();
    expect(titles.all('envoys')).toEqual(['Envoys met in Muscat.', 'They talked for hours.']);
    expect(rowsOf(fixture).indexRows).toBe(2);
    // Nothing was half stored, so the next ingest tries the file again instead of calling it unchanged.
    expect(await ingestKnowledge(fixture.context)).toMatchObject({ updated: 1, failed: [] });
    expect(titles.all('envoys')).toEqual(['Envoys met in Muscat, Oman.', 'They talked for hours.']);
  });

  it('throws knowledge_missing when the knowledge folder does not exist', async () => {
    fixture = await createKnowledgeFixture();
    const context = {
      ...fixture.context,
      config: { ...fixture.context.config, KNOWLEDGE_DIR: join(fixture.directory, 'none') },
    };
    await expect(ingestKnowledge(context)).rejects.toMatchObject({ code: 'knowledge_missing' });
    await expect(ingestKnowledge(context)).rejects.toBeInstanceOf(NewsdeskError);
  });
});
