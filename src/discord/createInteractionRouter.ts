import { performance } from 'node:perf_hooks';
import type { Interaction, RepliableInteraction } from 'discord.js';
import { NewsdeskError } from '../errors.js';
import type { BotContext, Command, CommandContext, ComponentHandler } from './command.js';
import { replyWithError } from './replyWithError.js';

export interface InteractionRouter {
  /**
   * Runs the command, button or modal handler an interaction names; never throws, every failure is
   * answered and logged.
   */
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
  /** Buttons and modals, routed by custom_id prefix; none by default. */
  components?: readonly ComponentHandler[];
  /** The bot's questions in flight, shared with its thread-message handler; a fresh set by default. */
  questionsInFlight?: Set<string>;
}

/** What one interaction runs: a name for the logs and the handler call. */
interface Route {
  name: string;
  execute(context: CommandContext): Promise<void>;
}

function createUnknownCommandError(name: string): NewsdeskError {
  return new NewsdeskError('unknown_command', `no handler for /${name}`, {
    userMessage: 'Sorry, I do not know that command. It may have been removed; try `/ask`.',
  });
}

function createUnknownComponentError(customId: string): NewsdeskError {
  return new NewsdeskError('unknown_component', `no handler for custom_id ${customId}`, {
    userMessage: 'Sorry, this button no longer works. Please ask again with `/ask`.',
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
 * Builds the interaction router: finds the chat-input command by name in `commands`, or the button or
 * modal handler by custom_id prefix in `options.components`, and runs it with the bot context plus an
 * abort signal. An unknown command or component, a thrown error, a timeout or a shutdown all end in
 * one short ephemeral apology (`replyWithError`), logged with the interaction id; the bot keeps
 * running. Other interaction kinds (autocomplete, select menus) are ignored: nothing uses them.
 */
export function createInteractionRouter(
  commands: readonly Command[],
  context: BotContext,
  options: InteractionRouterOptions,
): InteractionRouter {
  const commandsByName = new Map(commands.map((command) => [command.data.name, command]));
  const components = new Map(
    (options.components ?? []).map((handler) => [`${handler.kind}:${handler.prefix}`, handler]),
  );
  const questionsInFlight = options.questionsInFlight ?? new Set<string>();
  const inFlight = new Map<Promise<void>, AbortController>();
  let closing = false;

  function findRoute(interaction: Interaction): Route | undefined {
    if (interaction.isChatInputCommand()) {
      const command = commandsByName.get(interaction.commandName);
      return {
        name: interaction.commandName,
        execute: (commandContext) => {
          if (!command) throw createUnknownCommandError(interaction.commandName);
          return command.execute(interaction, commandContext);
        },
      };
    }
    if (!interaction.isButton() && !interaction.isModalSubmit()) return undefined;
    const [prefix = '', ...rest] = interaction.customId.split(':');
    const argument = rest.join(':');
    const handler = components.get(`${interaction.isButton() ? 'button' : 'modal'}:${prefix}`);
    return {
      name: `${handler?.kind ?? 'component'} ${prefix}`,
      async execute(commandContext) {
        if (handler?.kind === 'button' && interaction.isButton())
          return handler.execute(interaction, commandContext, argument);
        if (handler?.kind === 'modal' && interaction.isModalSubmit())
          return handler.execute(interaction, commandContext, argument);
        throw createUnknownComponentError(interaction.customId);
      },
    };
  }

  async function run(
    interaction: RepliableInteraction,
    route: Route,
    controller: AbortController,
  ): Promise<void> {
    const started = performance.now();
    const timer = setTimeout(
      () => controller.abort(createTimeoutError(options.timeoutMs)),
      options.timeoutMs,
    );
    try {
      // Called inside the async function so a handler that throws before its first await still rejects.
      const execution = (async () =>
        route.execute({ ...context, signal: controller.signal, questionsInFlight }))();
      // A command abandoned after a timeout may still fail later; that is expected, not unhandled.
      execution.catch((error: unknown) => {
        if (controller.signal.aborted)
          context.logger.debug({ interactionId: interaction.id, err: error }, 'late failure');
      });
      await Promise.race([execution, whenAborted(controller.signal)]);
      const durationMs = Math.round(performance.now() - started);
      context.logger.info({ interactionId: interaction.id, command: route.name, durationMs }, 'answered');
    } catch (error) {
      await replyWithError(interaction, error, context.logger);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async handle(interaction) {
      const route = findRoute(interaction);
      if (!route || !interaction.isRepliable()) return;
      if (closing) return replyWithError(interaction, createShutdownError(), context.logger);
      const controller = new AbortController();
      const running = run(interaction, route, controller);
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
