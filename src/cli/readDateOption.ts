import { isIsoDateOnly } from '../knowledge/isIsoDate.js';
import { UsageError } from './runCommandLine.js';

/**
 * Reads a date option from `parseArgs`' values (parsed with `strict: false`, so a flag given without
 * its value arrives as `true`).
 *
 * @returns the date as typed (`YYYY-MM-DD`), or `undefined` when the option was not given.
 * @throws UsageError (exit 2) naming the option when the value is missing, not `YYYY-MM-DD`, or not a
 *   calendar date (`2026-02-30`).
 */
export function readDateOption(
  values: Record<string, string | boolean | undefined | (string | boolean)[]>,
  name: string,
  usage: string,
): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isIsoDateOnly(value)) {
    throw new UsageError(`--${name} takes a date as YYYY-MM-DD; ${usage}`);
  }
  return value;
}
