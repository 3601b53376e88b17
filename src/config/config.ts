import { z } from 'zod';
import { ConfigurationError } from '../errors.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** Whether the runtime's time-zone database (the one croner schedules with) knows `name`. */
function isKnownTimezone(name: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

/** Every setting newsdesk reads, with its default. Keep `.env.example` in step (a test checks it). */
export const configSchema = z.object({
  KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge'),
  DATABASE_PATH: z.string().trim().min(1).default('./data/newsdesk.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{17,20}$/, 'must be a snowflake id')
      .optional(),
  ),
  DISCORD_GUILD_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{17,20}$/, 'must be a snowflake id')
      .optional(),
  ),
  DISCORD_API_URL: optionalText.pipe(z.url().optional()),
  DISCORD_MESSAGE_CONTENT: booleanFlag,
  CONVERSATION_MAX_TURNS: z.coerce.number().int().min(1).max(50).default(6),
  CONVERSATION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  LLM_DAILY_LIMIT_PER_GUILD: z.coerce.number().int().min(0).default(200),
  OPENAI_EMBEDDING_MODEL: optionalText,
  KNOWLEDGE_REFRESH_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  DIGEST_CHANNEL_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{17,20}$/, 'must be a snowflake id')
      .optional(),
  ),
  DIGEST_TIME: z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time, HH:MM')
    .default('08:00'),
  DIGEST_TIMEZONE: z
    .string()
    .trim()
    .refine(isKnownTimezone, 'must be an IANA time zone name such as Europe/Berlin')
    .default('UTC'),
  DIGEST_BACKFILL_DAYS: z.coerce.number().min(0).default(3),
  DIGEST_POST_EMPTY: booleanFlag,
  DIGEST_CATCH_UP: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value !== 'false' && value !== '0'),
  FEED_POLL_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  FEED_USER_AGENT: z
    .string()
    .trim()
    .min(1)
    .refine((value) => /newsdesk/i.test(value), 'must name newsdesk, so sites can tell who reads them')
    .default('newsdesk/0.1 (feed reader of a Discord news bot)'),
  FEED_ALLOW_PRIVATE_NETWORK: booleanFlag,
  FEED_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(15),
  FEED_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(10),
  FEED_MAX_BYTES: z.coerce.number().int().min(1000).default(5_000_000),
  FEED_HOST_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  STORY_KEYWORDS: optionalText,
});

export type Config = z.infer<typeof configSchema>;

/** Names of settings whose values must never be echoed, even in an error. */
const secretNames = new Set(['DISCORD_TOKEN', 'OPENAI_API_KEY']);

/**
 * The variables the schema reads, leaving out those set to nothing but whitespace: `LOG_LEVEL=` in `.env`
 * means "use the default", exactly like a missing line, for every variable (an empty number would
 * otherwise coerce to 0, an empty enum fail).
 */
function readSetVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const set: Record<string, string> = {};
  for (const name of Object.keys(configSchema.shape)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') set[name] = value;
  }
  return set;
}

/**
 * Reads and validates the configuration once. A variable set to an empty value counts as unset.
 *
 * @param env the variables to read, `process.env` by default (the CLI and bot load `.env` with dotenv first).
 * @returns the typed configuration with defaults applied.
 * @throws ConfigurationError listing every bad variable by name and problem, never a secret's value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(readSetVariables(env));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration');
    const detail = secretNames.has(name) ? 'is invalid' : issue.message;
    return `${name}: ${detail}`;
  });
  throw new ConfigurationError(problems);
}
