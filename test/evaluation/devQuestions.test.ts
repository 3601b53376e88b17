import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvaluationItems } from '../../src/evaluation/evaluationItem.js';
import { runEvaluation } from '../../src/evaluation/runEvaluation.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture();
});
afterAll(() => fixture.cleanUp());

describe('runEvaluation', () => {
  it('passes every question and conversation of the development set offline', async () => {
    const items = parseEvaluationItems(readFileSync('test/fixtures/questions.dev.jsonl', 'utf8'));
    const report = await runEvaluation(fixture.context, items);
    const failures = report.results
      .filter((result) => result.status !== 'passed')
      .map((result) => `${result.id}: ${result.reasons.join('; ')} — ${result.answers[0]?.answer}`);
    expect(failures).toEqual([]);
    expect(report.recallAtFive.hits).toBe(report.recallAtFive.total);
  });
});

describe('parseEvaluationItems', () => {
  it('names the line of an item that is not valid, and the field at fault', () => {
    expect(() => parseEvaluationItems('{"id":"a","question":"q"}\n{"id":"b"}\n')).toThrow(
      /line 2: .*at question/s,
    );
  });

  it('refuses a misspelt key, which would drop its check and pass the item', () => {
    expect(() => parseEvaluationItems('{"id":"a","question":"q","must_includ":[["x"]]}')).toThrow(
      /line 1: .*must_includ/,
    );
  });

  it('reads a file saved with a byte-order mark, and refuses an empty one or an id used twice', () => {
    expect(parseEvaluationItems('\uFEFF{"id":"a","question":"q"}\n')).toEqual([{ id: 'a', question: 'q' }]);
    expect(() => parseEvaluationItems('\n')).toThrow(/no questions/);
    expect(() => parseEvaluationItems('{"id":"a","question":"q"}\n{"id":"a","question":"r"}')).toThrow(
      /line 2: id "a" is used twice/,
    );
  });
});
