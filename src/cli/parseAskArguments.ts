import { checkDate } from './readDateOption.js';
import { UsageError } from './runCommandLine.js';

export const askUsage =
  'usage: npm run ask -- [--json] [--conversation <id>] [--today YYYY-MM-DD] "your question"';

/** Longest conversation id accepted, in characters: far above a UUID, far below abuse. */
const maxConversationIdLength = 200;

/** What `npm run ask` was asked to do. */
export type AskArguments =
  | { help: true }
  | { help: false; question: string; json: boolean; conversationId?: string; today?: string };

// A token shaped like `--name` or `--name=value`; `--json is it?` (one quoted question) is not one.
const longOptionPattern = /^--[A-Za-z][A-Za-z0-9-]*(?:=|$)/;

function checkConversationId(id: string): string {
  if (id.trim() === '') throw new UsageError(`--conversation needs an id; ${askUsage}`);
  if (id.length > maxConversationIdLength) {
    throw new UsageError(`--conversation ids are at most ${maxConversationIdLength} characters; ${askUsage}`);
  }
  if (/\p{Cc}/u.test(id))
    throw new UsageError(`--conversation ids cannot contain control characters; ${askUsage}`);
  return id;
}

function checkToday(value: string | undefined): string {
  return checkDate(value ?? '', 'today', askUsage);
}

/**
 * Reads `npm run ask`'s arguments. Only the exact options `--json`, `--conversation <id>` (or
 * `--conversation=<id>`), `--today <YYYY-MM-DD>` (or `--today=…`), `--help` and `-h` are options, anywhere before `--`; every other word, one
 * starting with `-` included (`-5 people hurt?`), is part of the question, joined with spaces. Node's
 * `parseArgs` cannot do this: it reads `-hello` as bundled short flags.
 *
 * @param argv the arguments after the script name.
 * @throws UsageError for an unknown `--long-option` (named as typed), `--json=…`, or a conversation id
 *   that is missing, empty, longer than 200 characters or holds control characters, or a `--today`
 *   that is not a calendar date written YYYY-MM-DD.
 */
export function parseAskArguments(argv: readonly string[]): AskArguments {
  let json = false;
  let conversationId: string | undefined;
  let today: string | undefined;
  const words: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    if (token === '--') {
      words.push(...argv.slice(index + 1));
      break;
    }
    if (token === '--help' || token === '-h') return { help: true };
    if (token === '--json') {
      json = true;
    } else if (token === '--conversation') {
      const next = argv[index + 1];
      if (next === undefined || longOptionPattern.test(next)) {
        throw new UsageError(`--conversation needs an id; ${askUsage}`);
      }
      conversationId = checkConversationId(next);
      index += 1;
    } else if (token.startsWith('--conversation=')) {
      conversationId = checkConversationId(token.slice('--conversation='.length));
    } else if (token === '--today') {
      today = checkToday(argv[index + 1]);
      index += 1;
    } else if (token.startsWith('--today=')) {
      today = checkToday(token.slice('--today='.length));
    } else if (token.startsWith('--json=')) {
      throw new UsageError(`--json takes no value (write --json or leave it out); ${askUsage}`);
    } else if (longOptionPattern.test(token)) {
      throw new UsageError(`unknown option ${token}; ${askUsage}`);
    } else {
      words.push(token);
    }
  }
  const question = words.join(' ');
  if (question.trim() === '') throw new UsageError(`no question given; ${askUsage}`);
  return {
    help: false,
    question,
    json,
    ...(conversationId !== undefined && { conversationId }),
    ...(today !== undefined && { today }),
  };
}
