import type { CoreContext } from '../context.js';
import { LanguageModelError } from '../errors.js';
import type { LanguageModel } from '../languageModel/languageModel.js';
import { takeLanguageModelCall } from '../storage/languageModelCalls.js';
import {
  buildDigest,
  type Digest,
  type DigestItem,
  type DigestStory,
  selectDigestStories,
} from './buildDigest.js';
import { writeKeyPoints } from './writeKeyPoints.js';

/** How a digest is composed, beyond its window. */
export interface DigestOptions {
  /** Articles published more than this many days before the window's start are left out. */
  backfillDays: number;
  /** The Discord server the digest is for: each story's model call counts against its daily limit. */
  guildId?: string;
}

/** One item's points written by the model, or its quoted points with the reason it could not. */
async function composeItem(
  context: CoreContext,
  languageModel: LanguageModel,
  { item, story }: DigestStory,
  guildId: string | undefined,
): Promise<DigestItem> {
  const quoted = (fallbackReason: string): DigestItem => {
    context.logger.warn(
      { articleId: story.articles[0].id, model: languageModel.model, fallbackReason },
      'digest key points fell back to quoting',
    );
    return { ...item, composer: 'extractive', fallbackReason };
  };
  if (guildId !== undefined) {
    const limit = context.config.LLM_DAILY_LIMIT_PER_GUILD;
    const decision = takeLanguageModelCall(context.database, guildId, limit, { claimsNotice: false });
    if (!decision.allowed) return quoted('daily limit reached');
  }
  try {
    return { ...item, points: await writeKeyPoints(languageModel, story), composer: 'openai' };
  } catch (error) {
    // Anything at all falls back: the digest is posted with quoted points rather than not at all.
    return quoted(error instanceof LanguageModelError ? error.message : 'unexpected error');
  }
}

/**
 * Composes the digest of one window. Offline (no `context.languageModel`) it is exactly
 * `buildDigest`'s. With a language model, each story's 1–3 key points are written by the model from
 * its lead article's passages (`writeKeyPoints`: one call per story, one story at a time, grounded
 * like answers) and the item says `composer: 'openai'`; any failure — timeout, 429 or 5xx after the
 * client's retries, refusal, malformed or ungrounded output, or the server's daily limit reached —
 * keeps the extractive points with `composer: 'extractive'` and `fallbackReason`, logged. Nothing is
 * thrown for the model's sake.
 *
 * @param window ISO date-times, `from` exclusive, `to` inclusive.
 * @param options.guildId without one (the command line) no limit applies.
 */
export async function composeDigest(
  context: CoreContext,
  window: Digest['window'],
  options: DigestOptions,
): Promise<Digest> {
  const { languageModel, database } = context;
  if (!languageModel) return buildDigest(database, window, options);
  const items: DigestItem[] = [];
  for (const story of selectDigestStories(database, window, options)) {
    items.push(await composeItem(context, languageModel, story, options.guildId));
  }
  return { window, items };
}
