import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluationItems } from '../../src/evaluation/evaluationItem.js';
import { runEvaluation } from '../../src/evaluation/runEvaluation.js';
import {
  createKnowledgeFixture,
  type KnowledgeFixture,
  readStoryArticles,
} from '../support/knowledgeFixture.js';

const storyDir = 'test/fixtures/story-dev/articles';
// "This report", "this article": once several articles are ingested such a question has no single
// referent, so its verdict may rightly change; every other question must not notice the new story.
const pointsAtOneArticle = /\bthis (report|article|story|piece)\b/i;

let seedOnly: KnowledgeFixture;
let withStory: KnowledgeFixture;

beforeAll(async () => {
  seedOnly = await createKnowledgeFixture();
  withStory = await createKnowledgeFixture(readStoryArticles(storyDir));
});
afterAll(() => {
  seedOnly.cleanUp();
  withStory.cleanUp();
});

describe('a second story beside the seed', () => {
  it('changes no verdict of the seed development questions', async () => {
    const items = parseEvaluationItems(readFileSync('test/fixtures/questions.dev.jsonl', 'utf8')).filter(
      (item) => !('question' in item && pointsAtOneArticle.test(item.question)),
    );
    const before = await runEvaluation(seedOnly.context, items, '2026-02-07');
    const after = await runEvaluation(withStory.context, items, '2026-02-07');
    const verdicts = (report: typeof before) => report.results.map(({ id, status }) => `${id}: ${status}`);
    expect(verdicts(after)).toEqual(verdicts(before));
    expect(before.passed).toBe(items.length);
  }, 60_000);
});
