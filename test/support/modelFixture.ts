import type { CoreContext } from '../../src/context.js';
import { type FakeOpenAI, startFakeOpenAI } from './fakeOpenAI.js';
import { createKnowledgeFixture, type KnowledgeFixture } from './knowledgeFixture.js';

/** A knowledge fixture whose language model is a fake OpenAI-compatible server, and the same without one. */
export interface ModelFixture {
  fake: FakeOpenAI;
  fixture: KnowledgeFixture;
  /** The same database and settings with no language model: what the extractive fallback answers. */
  offline: CoreContext;
  close(): Promise<void>;
}

/**
 * Starts a fake OpenAI-compatible server and a knowledge fixture (`knowledge/` plus `extraArticles`)
 * whose language model talks to it, with no retries so each scripted reply answers one request.
 */
export async function createModelFixture(extraArticles: Record<string, string> = {}): Promise<ModelFixture> {
  const fake = await startFakeOpenAI();
  const fixture = await createKnowledgeFixture(extraArticles, {
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_MAX_RETRIES: '0',
  });
  const { languageModel: _languageModel, ...offline } = fixture.context;
  return {
    fake,
    fixture,
    offline,
    async close() {
      fixture.cleanUp();
      await fake.close();
    },
  };
}
