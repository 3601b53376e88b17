import { describe, expect, it } from 'vitest';
import { findNameCandidates } from '../../src/question/findUnknownNames.js';

describe('findNameCandidates', () => {
  it.each([
    ['what has khamenei said?', ['khamenei']],
    ['what did the iaea say?', ['iaea']],
    ['what did the IAEA say?', ['IAEA']],
    ['Khamenei said what?', ['Khamenei']],
    ['is FIFA involved?', ['FIFA']],
    ['is it still in geneva?', ['geneva']],
    ["what about iran's position?", ['iran']],
    ['what did the Minister of Labour say on Monday?', ['Minister', 'Labour']],
    ['Did Oman mediate?', ['Oman']],
    ['what do the US and UN say?', ['US', 'UN']],
    ['did the G7 respond?', ['G7']],
    ['WHERE ARE THE TALKS IN GENEVA?', ['GENEVA']],
    ['did khamenei and Khamenei agree?', ['khamenei']],
  ])('finds the names of %j', (question, names) => {
    expect(findNameCandidates(question)).toEqual(names);
  });

  it.each([
    ['NOW what LOL thx'],
    ['is it NOT over? pls tell me ok'],
    ['AND then what?'],
    ['didnt they meet?'],
    ['whats the unionised workers view?'],
    ['what happened on tuesday in feb?'],
    ['where are the talks?'],
    ['WHERE ARE THE TALKS?'],
    ['how many ships are waiting in round 2?'],
    ['Where were the negotiations held?'],
    ['when did they say theyd reach the cave, and how long theyve been digging?'],
  ])('finds no name in %j', (question) => {
    expect(findNameCandidates(question)).toEqual([]);
  });

  it('never throws on hostile strings', () => {
    for (const question of [
      '',
      '\u0000',
      '\ud800abc',
      '__proto__',
      'constructor',
      'x'.repeat(1000),
      'Ab '.repeat(400),
    ])
      expect(Array.isArray(findNameCandidates(question))).toBe(true);
  });
});
