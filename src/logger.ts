import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Creates the structured (JSON) logger. Secrets are redacted by path wherever they might be logged,
 * so a token never reaches a log line even when a whole config or client options object is logged.
 *
 * @param level a pino level name, or 'silent'.
 * @param destination where lines go; standard error by default so the CLI's standard output stays clean.
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'token',
          '*.token',
          'DISCORD_TOKEN',
          '*.DISCORD_TOKEN',
          'OPENAI_API_KEY',
          '*.OPENAI_API_KEY',
          'apiKey',
          '*.apiKey',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
