import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDistractorKnowledge } from '../../src/evaluation/prepareDistractorKnowledge.js';
import { createRandom, generateSyntheticArticles } from '../../src/evaluation/syntheticCorpus.js';

describe('createRandom', () => {
  it('returns the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });
});

describe('generateSyntheticArticles', () => {
  it('returns the same corpus for the same seed', () => {
    expect(generateSyntheticArticles({ passages: 300 }, 11)).toEqual(
      generateSyntheticArticles({ passages: 300 }, 11),
    );
    expect(generateSyntheticArticles({ passages: 300 }, 11)).not.toEqual(
      generateSyntheticArticles({ passages: 300 }, 12),
    );
  });

  it('returns exactly the passages or articles asked for, each paragraph one passage long', () => {
    const byPassages = generateSyntheticArticles({ passages: 250 });
    expect(byPassages.flatMap((article) => article.paragraphs)).toHaveLength(250);
    expect(generateSyntheticArticles({ articles: 40 })).toHaveLength(40);
    for (const paragraph of byPassages.flatMap((article) => article.paragraphs)) {
      expect(paragraph.length).toBeLessThanOrEqual(700);
    }
  });

  it('returns news-like text where function words are the commonest', () => {
    const words = generateSyntheticArticles({ passages: 500 })
      .flatMap((article) => article.paragraphs)
      .join(' ')
      .toLowerCase()
      .split(/\W+/);
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    const commonest = [...counts].sort((left, right) => right[1] - left[1]).slice(0, 5);
    expect(commonest.map(([word]) => word)).toContain('the');
  });
});

describe('prepareDistractorKnowledge', () => {
  it('copies the knowledge folder beside the distractors and removes everything on clean-up', () => {
    const prepared = prepareDistractorKnowledge('knowledge', 3);
    expect(readdirSync(join(prepared.knowledgeDir, 'distractors'))).toHaveLength(3);
    expect(readdirSync(prepared.knowledgeDir)).toEqual(expect.arrayContaining(readdirSync('knowledge')));
    prepared.cleanUp();
    expect(existsSync(prepared.knowledgeDir)).toBe(false);
  });
});
