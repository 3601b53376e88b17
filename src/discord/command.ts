import type {
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Answer } from '../answer/answer.js';
import type { CoreContext } from '../context.js';

/** What the bot holds for its whole run, built once in the composition root. */
export interface BotContext extends CoreContext {
  /** Which composer answers /ask; /about tells users, never how it is configured. */
  composer: Answer['composer'];
}

/** What a command receives for one interaction. */
export interface CommandContext extends BotContext {
  /**
   * Aborted when the router stops waiting for this interaction (timeout or shutdown) and has sent its
   * own apology; `sendPages` checks it so a late answer never overwrites that apology.
   */
  signal: AbortSignal;
}

/** One slash command: its registration payload and its handler (the discord.js template's shape). */
export interface Command {
  /** Sent as-is by `deploy:commands` (https://discord.com/developers/docs/interactions/application-commands). */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Reads the options, calls the core, renders; throws for the router's one error handler. */
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
}
