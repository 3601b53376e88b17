import { rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureKnowledgeFresh, fingerprintKnowledge } from '../../src/knowledge/knowledgeFingerprint.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

let fixture: KnowledgeFixture | undefined;
afterEach(() => fixture?.cleanUp());

describe('fingerprintKnowledge', () => {
  it('returns a new value when a file is added, touched or removed, and the same one otherwise', async () => {
    fixture = await createKnowledgeFixture();
    const initial = fingerprintKnowledge(fixture.knowledgeDir);
    expect(fingerprintKnowledge(fixture.knowledgeDir)).toBe(initial);
    fixture.writeArticle('ignored.json', '{}');
    expect(fingerprintKnowledge(fixture.knowledgeDir)).toBe(initial);
    fixture.writeArticle('extra.txt', 'Envoys met.');
    const added = fingerprintKnowledge(fixture.knowledgeDir);
    expect(added).not.toBe(initial);
    utimesSync(join(fixture.knowledgeDir, 'extra.txt'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(fingerprintKnowledge(fixture.knowledgeDir)).not.toBe(added);
    rmSync(join(fixture.knowledgeDir, 'extra.txt'));
    expect(fingerprintKnowledge(fixture.knowledgeDir)).toBe(initial);
  });
});

describe('ensureKnowledgeFresh', () => {
  it('returns null when nothing changed and an ingest summary when a file was added', async () => {
    fixture = await createKnowledgeFixture();
    expect(await ensureKnowledgeFresh(fixture.context)).toBeNull();
    fixture.writeArticle('extra.txt', 'Envoys met in Muscat.');
    expect(await ensureKnowledgeFresh(fixture.context)).toMatchObject({ added: 1, unchanged: 1 });
    expect(await ensureKnowledgeFresh(fixture.context)).toBeNull();
  });
});
