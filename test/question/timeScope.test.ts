import { describe, expect, it } from 'vitest';
import { readTimeScope, type TimeScope } from '../../src/question/timeScope.js';

// A Tuesday, as in the dev story's README.
const today = '2025-10-21';

function scopeOf(question: string): TimeScope {
  return readTimeScope(question, today).scope;
}

describe('readTimeScope', () => {
  it.each([
    ['where is the next round?'],
    ['is it still in Geneva?'],
    ['what is happening right now?'],
    ['who is leading currently?'],
    ['what is the offer at the moment?'],
    ['has the deal been signed yet?'],
    ["what's the latest on the strike?"],
    ['what is the current offer?'],
    ['how many ships have left so far?'],
    ['as things stand, who is mediating?'],
    ['what are they doing now'],
    ['how many firefighters are there now and how many at the start?'],
    ['how big is the area now compared with the first figure they gave?'],
  ])('returns latest for %j', (question) => {
    expect(scopeOf(question).operator).toBe('latest');
  });

  it.each([
    ['As of Oct 10, how many ships are waiting?', '2025-10-10', 'As of Oct 10'],
    ['as of 10 october where was the meeting?', '2025-10-10', 'as of 10 october'],
    ['where was the round planned by oct 12?', '2025-10-12', 'by oct 12'],
    ['on the 8th, where was the round planned?', '2025-10-08', 'on the 8th'],
    ['on feb 8, where was the second round planned?', '2025-02-08', 'on feb 8'],
    ['what was the offer as of 2025-10-03?', '2025-10-03', 'as of 2025-10-03'],
    ['how many ships were waiting on thursday the 9th?', '2025-10-09', 'on thursday the 9th'],
    ['how much of the fire was contained on friday 10 october?', '2025-10-10', 'on friday 10 october'],
    ['as of yesterday, how many ships?', '2025-10-20', 'as of yesterday'],
  ])('returns asOf for %j', (question, to, phrase) => {
    expect(scopeOf(question)).toEqual({ operator: 'asOf', to, phrase });
  });

  it('returns asOf without a date for "at that point"', () => {
    expect(scopeOf('at that point, what was the offer?')).toEqual({
      operator: 'asOf',
      phrase: 'at that point',
    });
  });

  it.each([
    ['since the 14th, what has the union said?', '2025-10-14'],
    ['what has the union said since tuesday?', '2025-10-14'],
    ['since oct 15 who has spoken?', '2025-10-15'],
    ['who resigned last week?', '2025-10-14'],
    ['what did they say in the past 3 days?', '2025-10-18'],
    ['who spoke this week?', '2025-10-20'],
    ['since feb, has anyone resigned?', '2025-02-01'],
    ['since last week who has resigned?', '2025-10-14'],
    ['what has been said in the last two weeks?', '2025-10-07'],
  ])('returns since for %j', (question, from) => {
    expect(scopeOf(question)).toMatchObject({ operator: 'since', from });
  });

  it('returns after from the day after the date', () => {
    expect(scopeOf('after oct 12 what did they say?')).toMatchObject({
      operator: 'after',
      from: '2025-10-13',
    });
  });

  it('returns before up to the day before the date', () => {
    expect(scopeOf('before oct 12 what did they say?')).toMatchObject({
      operator: 'before',
      to: '2025-10-11',
    });
  });

  it.each([
    ['what did they say between oct 1 and oct 10?', '2025-10-01', '2025-10-10'],
    ['from oct 3 to oct 5 what happened?', '2025-10-03', '2025-10-05'],
    ['who spoke yesterday?', '2025-10-20', '2025-10-20'],
    ['how many ships were waiting around the 14th?', '2025-10-14', '2025-10-14'],
    ['what happened in feb?', '2025-02-01', '2025-02-28'],
    ['what did they say on feb 8?', '2025-02-08', '2025-02-08'],
    ['how many people slept at the hall on thursday night the 16th?', '2025-10-16', '2025-10-16'],
    ['how many ships docked on monday?', '2025-10-20', '2025-10-20'],
    ['what happened 3 days ago?', '2025-10-18', '2025-10-18'],
  ])('returns between for %j', (question, from, to) => {
    expect(scopeOf(question)).toMatchObject({ operator: 'between', from, to });
  });

  it('reads "what did the inspection find?" as an ordinary question: a finding is reported, not decided', () => {
    expect(scopeOf('what did the inspection find on the bridge?').operator).toBe('none');
  });

  it('takes "back" before a date as part of the date, not a word to search', () => {
    const read = readTimeScope('back on oct 6 what was the plan?', today);
    expect(read.scope).toMatchObject({ operator: 'asOf', to: '2025-10-06', phrase: 'back on oct 6' });
  });

  it('reads a year-less month or weekday ahead when the question asks about what is to come', () => {
    expect(scopeOf('will fares rise in december?')).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(scopeOf('will they vote on thursday?')).toMatchObject({ to: '2025-10-23' });
    // Looking ahead from the past, or bounding what was known, a date stays past.
    expect(scopeOf('where was the hearing going to be in september?')).toMatchObject({ from: '2025-09-01' });
    expect(scopeOf('as of oct 8, where will the talks be?')).toMatchObject({ to: '2025-10-08' });
    expect(scopeOf('did fares rise in december?')).toMatchObject({ from: '2024-12-01' });
  });

  it.each([
    ["what's new?", undefined],
    ['anything new?', undefined],
    ['any updates on the strike?', undefined],
    ['whats new since the 14th', '2025-10-14'],
    ['what changed since oct 15?', '2025-10-15'],
    ['what happened since tuesday?', '2025-10-14'],
    ['what has changed?', undefined],
    ["what's happened with the mine rescue since the 11th?", '2025-10-11'],
    ['catch me up - anything happened since the 14th?', '2025-10-14'],
    ['fill me in on the strike', undefined],
    ['bring me up to speed', undefined],
    ['what happened last week?', '2025-10-14'],
    ['what happened yesterday', '2025-10-20'],
  ])('returns whatsNew for %j', (question, from) => {
    const scope = scopeOf(question);
    expect(scope.operator).toBe('whatsNew');
    expect(scope.from).toBe(from);
  });

  it('keeps operator and date in one phrase when only a space parts them', () => {
    expect(scopeOf('whats new since the 14th?').phrase).toBe('whats new since the 14th');
  });

  it.each([
    ['give me a timeline'],
    ['timeline of the strike please'],
    ['what is the chronology?'],
    ['what was the sequence of events?'],
    ['what happened so far?'],
    ['give me a rundown day by day'],
    ['how did it unfold?'],
  ])('returns timeline for %j', (question) => {
    expect(scopeOf(question).operator).toBe('timeline');
  });

  it('bounds a timeline by its date', () => {
    expect(scopeOf('timeline since oct 10')).toMatchObject({ operator: 'timeline', from: '2025-10-10' });
  });

  it.each([
    ['how has the offer changed?'],
    ['has the number of ships come down?'],
    ['have prices gone up?'],
    ['what changed about the plan?'],
    ['how did the union position evolve?'],
    ['has the backlog fallen?'],
  ])('returns evolution for %j', (question) => {
    expect(scopeOf(question).operator).toBe('evolution');
  });

  it.each([
    ['what was agreed in Rome?'],
    ['what did they decide?'],
    ['what was the result of the vote?'],
    ['what was the outcome of the ballot?'],
    ['did the workers accept the offer?'],
    ['who won?'],
    ['what was decided at the meeting?'],
    ['how did the ballot turn out?'],
    ['how did the chief executive get on at the hearing?'],
    ['and how did the judge rule?'],
    ["so what did the review board's final report conclude"],
    ["what did the ministry's review of the harbour ferry licences conclude?"],
  ])('returns outcome for %j', (question) => {
    expect(scopeOf(question).operator).toBe('outcome');
  });

  it.each([
    ['what happened in round 2?'],
    ['is the raise 2.4 per cent?'],
    ['what are the 3 demands?'],
    ['do 90 percent of workers support it?'],
    ['may they strike again?'],
    ['will they march on city hall?'],
    ['where will the march go?'],
    ['where is the second round?'],
    ['what happened in the 2nd round?'],
    ['round 2 may be delayed, why?'],
    ['who leads the union?'],
    ['are the rights groups protesting?'],
  ])('finds no date or operator in %j', (question) => {
    expect(scopeOf(question)).toEqual({ operator: 'none' });
  });

  it.each([
    ['since march', '2025-03-01'],
    ['since may 5', '2025-05-05'],
    ['since 5 may', '2025-05-05'],
    ['since 12 december', '2024-12-12'],
    ['since dec', '2024-12-01'],
  ])('reads %j as a past month or day', (question, from) => {
    expect(scopeOf(question)).toMatchObject({ operator: 'since', from });
  });

  it('keeps an explicit future year', () => {
    expect(scopeOf('as of feb 8 2026')).toMatchObject({ operator: 'asOf', to: '2026-02-08' });
  });

  it('reads "next week" as the coming week', () => {
    expect(scopeOf('what happens next week?')).toMatchObject({
      operator: 'between',
      from: '2025-10-27',
      to: '2025-11-02',
    });
  });

  it('reads "the 25th" as last month when this month\'s is still to come', () => {
    expect(scopeOf('since the 25th')).toMatchObject({ operator: 'since', from: '2025-09-25' });
  });

  it('lets a date bound a latest question', () => {
    expect(scopeOf('is it still in Geneva as of oct 10?')).toMatchObject({
      operator: 'asOf',
      to: '2025-10-10',
    });
  });

  it('gives the time words as spans', () => {
    const question = 'right now, who is leading?';
    const { timeSpans } = readTimeScope(question, today);
    expect(timeSpans.map(([start, end]) => question.slice(start, end))).toEqual(['right now']);
  });
});

describe('readTimeScope on quotations and chat spelling', () => {
  it('does not read time words inside a quotation', () => {
    expect(readTimeScope('who said "nobody has an excuse now"?', today).scope).toEqual({ operator: 'none' });
  });

  it('reads "can u give me a timeline"', () => {
    expect(readTimeScope('can u give me a timeline of the strike', today).scope).toEqual({
      operator: 'timeline',
      phrase: 'can u give me a timeline of',
    });
  });

  it('reads "anything happen since the 18th" as what is new', () => {
    expect(readTimeScope('anything happen since the 18th', today).scope).toMatchObject({
      operator: 'whatsNew',
      from: '2025-10-18',
    });
  });

  it.each(['whats happened since the 15th?', "what's changed since the 15th?", 'whats changed?'])(
    'reads %j, apostrophe or not, as what is new',
    (question) => {
      expect(readTimeScope(question, today).scope.operator).toBe('whatsNew');
    },
  );

  it('reads a year after a preposition of time as that whole year, and not a year naming a thing', () => {
    expect(readTimeScope('where were the talks held in 1990?', today).scope).toMatchObject({
      from: '1990-01-01',
      to: '1990-12-31',
    });
    expect(readTimeScope('what did the 2019 deal say?', today).scope).toEqual({ operator: 'none' });
    expect(readTimeScope('what happened to the 2019 deal?', today).scope).toEqual({
      operator: 'latest',
      phrase: 'what happened to',
    });
  });
});
