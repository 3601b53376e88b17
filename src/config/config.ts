import { z } from 'zod';
import { ConfigurationError } from '../errors.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

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
});

export type Config = z.infer<typeof configSchema>;

/** Names of settings whose values must never be echoed, even in an error. */
const secretNames = new Set(['DISCORD_TOKEN', 'OPENAI_API_KEY']);

/**
 * Reads and validates the configuration once.
 *
 * @param env the variables to read, `process.env` by default (the CLI and bot load `.env` with dotenv first).
 * @returns the typed configuration with defaults applied.
 * @throws ConfigurationError listing every bad variable by name and problem, never a secret's value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration');
    const detail = secretNames.has(name) ? 'is invalid' : issue.message;
    return `${name}: ${detail}`;
  });
  throw new ConfigurationError(problems);
}
