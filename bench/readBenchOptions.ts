import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A bench's options (`node:util` parseArgs, strict), with `--help`/`-h`: prints `usage` and exits 0 on
 * help, and exits 2 with the problem and `usage` on an unknown option or a missing value, so no bench
 * ends in a stack trace for a typo.
 *
 * @param name the npm script, for the error line ("bench:feeds").
 */
export function readBenchOptions(
  name: string,
  usage: string,
  options: Options,
): Record<string, string | boolean | undefined> {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${name}: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value.at(-1) : value]),
  );
}
