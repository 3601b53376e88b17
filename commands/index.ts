import type { Command } from '../src/discord/command.js';
import about from './about.js';
import ask from './ask.js';
import digest from './digest.js';
import feeds from './feeds.js';
import forget from './forget.js';
import reindex from './reindex.js';
import sources from './sources.js';
import timeline from './timeline.js';

/** Every slash command, listed explicitly: the bot, `deploy:commands` and the tests all use this list. */
export const commands: readonly Command[] = [ask, sources, timeline, about, reindex, digest, feeds, forget];
