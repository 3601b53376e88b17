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
  if (typeof value !== 'string') throw new UsageError(`--${name} takes a date as YYYY-MM-DD; ${usage}`);
  return checkDate(value, name, usage);
}

/**
 * Checks a date typed for an option.
 *
 * @returns the date as typed.
 * @throws UsageError (exit 2) naming the option: not `YYYY-MM-DD`, or a day no calendar has
 *   ("--today 2026-02-30 is no day of the calendar"), which the format alone would not explain.
 */
export function checkDate(value: string, name: string, usage: string): string {
  if (isIsoDateOnly(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new UsageError(`--${name} ${value} is no day of the calendar; ${usage}`);
  throw new UsageError(`--${name} takes a date as YYYY-MM-DD; ${usage}`);
}
