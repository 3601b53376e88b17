/**
 * The project's one error hierarchy. Every error carries a stable `code` a caller can branch on and an
 * optional `cause`; `userMessage` is the only text ever shown to a person (never a stack trace).
 */
export class NewsdeskError extends Error {
  readonly code: string;
  readonly userMessage: string;

  constructor(code: string, message: string, options: { cause?: unknown; userMessage?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.userMessage = options.userMessage ?? 'Something went wrong on our side. Please try again later.';
  }
}

/** A bad or missing setting. `problems` lists one line per variable, never a secret value. */
export class ConfigurationError extends NewsdeskError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('configuration', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      userMessage: 'The bot is misconfigured; an administrator has to fix its settings.',
    });
    this.problems = problems;
  }
}

/** One knowledge file that cannot be read or parsed; `path` names it so the operator can fix it. */
export class KnowledgeFileError extends NewsdeskError {
  readonly path: string;

  constructor(path: string, problem: string, options: { cause?: unknown } = {}) {
    super('knowledge_file', `${path}: ${problem}`, options);
    this.path = path;
  }
}

/** A failed language-model call; `retryable` says whether trying again later may help. */
export class LanguageModelError extends NewsdeskError {
  readonly retryable: boolean;

  constructor(message: string, options: { cause?: unknown; retryable: boolean }) {
    super('language_model', message, { cause: options.cause });
    this.retryable = options.retryable;
  }
}

/** An error caused by the user's own input, whose message is safe and useful to show them as it is. */
export class UserInputError extends NewsdeskError {
  constructor(message: string) {
    super('user_input', message, { userMessage: message });
  }
}

/**
 * A message whose fate is unknown: the connection dropped after it may have reached the other side,
 * so it may or may not have been delivered. Nothing may be sent again in its place until that is known.
 */
export class DeliveryUnknownError extends NewsdeskError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('delivery_unknown', message, options);
  }
}
