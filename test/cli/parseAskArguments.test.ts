import { describe, expect, it } from 'vitest';
import { parseAskArguments } from '../../src/cli/parseAskArguments.js';
import { UsageError } from '../../src/cli/runCommandLine.js';

describe('parseAskArguments', () => {
  it('returns words starting with "-" as part of the question', () => {
    expect(parseAskArguments(['-hello', 'where are talks'])).toEqual({
      help: false,
      question: '-hello where are talks',
      json: false,
    });
    expect(parseAskArguments(['-5 people hurt?', '--json'])).toMatchObject({
      question: '-5 people hurt?',
      json: true,
    });
    expect(parseAskArguments(['--json is it?'])).toMatchObject({ question: '--json is it?', json: false });
  });

  it('returns the options given exactly, and everything after -- as the question', () => {
    expect(parseAskArguments(['--conversation', 'a1', 'why?'])).toMatchObject({ conversationId: 'a1' });
    expect(parseAskArguments(['--conversation=a1', 'why?'])).toMatchObject({ conversationId: 'a1' });
    expect(parseAskArguments(['why', '--', '--json', '-h'])).toMatchObject({
      question: 'why --json -h',
      json: false,
    });
    expect(parseAskArguments(['-h'])).toEqual({ help: true });
    expect(parseAskArguments(['why', '--help'])).toEqual({ help: true });
  });

  it('throws a UsageError naming an unknown long option as typed', () => {
    expect(() => parseAskArguments(['--jsn=yes', 'why?'])).toThrow(/^unknown option --jsn=yes; usage/);
    expect(() => parseAskArguments(['--json=false', 'why?'])).toThrow(UsageError);
  });

  it('throws a UsageError for a missing, empty, over-long or control-character conversation id', () => {
    for (const argv of [
      ['why?', '--conversation'],
      ['--conversation', '--json', 'why?'],
      ['--conversation', '', 'why?'],
      ['--conversation=', 'why?'],
      [`--conversation=${'x'.repeat(201)}`, 'why?'],
      ['--conversation=a\nb', 'why?'],
    ]) {
      expect(() => parseAskArguments(argv)).toThrow(UsageError);
    }
    expect(parseAskArguments([`--conversation=${'x'.repeat(200)}`, 'why?'])).toMatchObject({
      conversationId: 'x'.repeat(200),
    });
  });

  it('throws a UsageError when no question is given', () => {
    expect(() => parseAskArguments(['--json', ' '])).toThrow(/no question given/);
  });
});
