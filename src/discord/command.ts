import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
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
  /** Conversations being answered right now, one set per bot instance (see `claimConversation`). */
  questionsInFlight: Set<string>;
}

/** One slash command: its registration payload and its handler (the discord.js template's shape). */
export interface Command {
  /** Sent as-is by `deploy:commands` (https://discord.com/developers/docs/interactions/application-commands). */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Reads the options, calls the core, renders; throws for the router's one error handler. */
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
}

/** One subcommand's handler (`/digest setup`, `/feeds add`), run in a server. */
export type SubcommandHandler = (
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
) => Promise<void>;

/**
 * A button or modal of the bot's messages, found by the prefix of its custom_id (`prefix:argument`);
 * `argument` is the rest, such as a conversation id.
 */
export type ComponentHandler =
  | {
      kind: 'button';
      prefix: string;
      execute(interaction: ButtonInteraction, context: CommandContext, argument: string): Promise<void>;
    }
  | {
      kind: 'modal';
      prefix: string;
      execute(interaction: ModalSubmitInteraction, context: CommandContext, argument: string): Promise<void>;
    };
