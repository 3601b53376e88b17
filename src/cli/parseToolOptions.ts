import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './runCommandLine.js';

type ToolOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A tool's option values by name: strings for options with a value, booleans for flags. */
export type ToolOptionValues = Record<string, string | boolean | undefined | (string | boolean)[]>;

/**
 * Reads a command-line tool's options (`node:util` `parseArgs`, not strict, so the tool's own usage
 * line is what a person sees on a mistake), with `--help`/`-h` added: on help it prints `usage` and
 * returns `undefined`.
 *
 * @param args the arguments after the script name.
 * @throws UsageError (exit 2) naming the first unknown option or stray argument, or an option that
 *   takes a value given none (`--keywords` at the end).
 */
export function parseToolOptions(
  options: ToolOptionsConfig,
  usage: string,
  args: string[] = process.argv.slice(2),
): ToolOptionValues | undefined {
  const { values, positionals } = parseArgs({
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: false,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return undefined;
  }
  const unknown = Object.keys(values).find((name) => name !== 'help' && !(name in options));
  if (unknown !== undefined) throw new UsageError(`unknown option --${unknown}; ${usage}`);
  // Lenient parsing reads "--keywords" given no value as `true`, which would silently mean "not given".
  const bare = Object.entries(options).find(([name, { type }]) => type === 'string' && values[name] === true);
  if (bare !== undefined) throw new UsageError(`--${bare[0]} needs a value; ${usage}`);
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}; ${usage}`);
  return values;
}
