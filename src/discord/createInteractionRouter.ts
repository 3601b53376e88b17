import { performance } from 'node:perf_hooks';
import type { ChatInputCommandInteraction, Interaction } from 'discord.js';
import { NewsdeskError } from '../errors.js';
import type { BotContext, Command } from './command.js';
import { replyWithError } from './replyWithError.js';

export interface InteractionRouter {
  /** Runs the command an interaction names; never throws, every failure is answered and logged. */
  handle(interaction: Interaction): Promise<void>;
  /**
   * Stops taking interactions (new ones get a "restarting" apology), waits up to `graceMs` milliseconds
   * for those in flight, then gives up on the rest with the same apology and waits for it to be sent.
   */
  close(graceMs: number): Promise<void>;
}

export interface InteractionRouterOptions {
  /** Milliseconds a command may run before the user gets a "took too long" apology. */
  timeoutMs: number;
}

function createUnknownCommandError(name: string): NewsdeskError {
  return new NewsdeskError('unknown_command', `no handler for /${name}`, {
    userMessage: 'Sorry, I do not know that command. It may have been removed; try `/ask`.',
  });
}

function createTimeoutError(timeoutMs: number): NewsdeskError {
  return new NewsdeskError('interaction_timeout', `command still running after ${timeoutMs} ms`, {
    userMessage: 'Sorry, that took too long. Please try again in a moment.',
  });
}

function createShutdownError(): NewsdeskError {
  return new NewsdeskError('shutting_down', 'the bot is shutting down', {
    userMessage: 'Sorry, the bot is restarting. Please try again in a minute.',
  });
}

/** Rejects with the signal's reason once it is aborted, so a command can be raced against it. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Builds the interaction router: finds the chat-input command by name in `commands` and runs it with
 * the bot context plus an abort signal. An unknown command, a thrown error, a timeout or a shutdown
 * all end in one short ephemeral apology (`replyWithError`), logged with the interaction id; the bot
 * keeps running. Other interaction kinds (autocomplete, buttons) are ignored: no command uses them.
 */
export function createInteractionRouter(
  commands: readonly Command[],
  context: BotContext,
  options: InteractionRouterOptions,
): InteractionRouter {
  const commandsByName = new Map(commands.map((command) => [command.data.name, command]));
  const inFlight = new Map<Promise<void>, AbortController>();
  let closing = false;

  async function run(interaction: ChatInputCommandInteraction, controller: AbortController): Promise<void> {
    const started = performance.now();
    const timer = setTimeout(
      () => controller.abort(createTimeoutError(options.timeoutMs)),
      options.timeoutMs,
    );
    try {
      const command = commandsByName.get(interaction.commandName);
      if (!command) throw createUnknownCommandError(interaction.commandName);
      const execution = command.execute(interaction, { ...context, signal: controller.signal });
      // A command abandoned after a timeout may still fail later; that is expected, not unhandled.
      execution.catch((error: unknown) => {
        if (controller.signal.aborted)
          context.logger.debug({ interactionId: interaction.id, err: error }, 'late failure');
      });
      await Promise.race([execution, whenAborted(controller.signal)]);
      const durationMs = Math.round(performance.now() - started);
      context.logger.info(
        { interactionId: interaction.id, command: interaction.commandName, durationMs },
        'answered',
      );
    } catch (error) {
      await replyWithError(interaction, error, context.logger);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async handle(interaction) {
      if (!interaction.isChatInputCommand()) return;
      if (closing) return replyWithError(interaction, createShutdownError(), context.logger);
      const controller = new AbortController();
      const running = run(interaction, controller);
      inFlight.set(running, controller);
      await running;
      inFlight.delete(running);
    },
    async close(graceMs) {
      closing = true;
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled(inFlight.keys()), grace]);
      clearTimeout(graceTimer);
      for (const controller of inFlight.values()) controller.abort(createShutdownError());
      await Promise.allSettled(inFlight.keys());
    },
  };
}
