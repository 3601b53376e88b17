import { describe, expect, it } from 'vitest';
import {
  fitsAnswerKind,
  fitsDimension,
  fitsPlanTense,
  readAnswerKind,
  readDimension,
  reportsOutcome,
} from '../../src/answer/answerKind.js';
import { searchStems } from '../../src/retrieval/terms.js';

describe('the kind of answer a question asks for', () => {
  it.each([
    ['What time does the meeting start?', 'clock'],
    ['At what time was the bridge shut?', 'clock'],
    ['What time of year do the floods come?', 'time'],
    ['which company supplied the faulty valves?', 'name'],
    ['what firm built the bridge?', 'name'],
    ['which hotel did the passengers stay at?', 'name'],
    ['When is the meeting?', 'time'],
    ['which day did the ferry crews reach the island', 'time'],
    ['How long is the crack?', 'measure'],
    ['how far is the detour', 'measure'],
    ['How many cracks were found?', 'number'],
    ['Who leads the review?', 'other'],
    ['which resident said she lies awake wondering how long it would take to reach hospital?', 'other'],
    ['who asked how many ferries would run?', 'other'],
  ])('reads %j as %s', (question, kind) => {
    expect(readAnswerKind(question)).toBe(kind);
  });

  it('wants an hour or a part of the day for "what time", not a day alone', () => {
    expect(fitsAnswerKind('The meeting starts at 7pm on Thursday.', 'clock')).toBe(true);
    expect(fitsAnswerKind('The talks open on Friday morning.', 'clock')).toBe(true);
    expect(fitsAnswerKind('The talks open on Friday.', 'clock')).toBe(false);
  });

  it('wants a speed for "how fast", written as news writes one', () => {
    const dimension = readDimension('how fast was the lorry going when it crashed?');
    expect(dimension).toBe('speed');
    expect(fitsDimension('The lorry was doing about 72 km/h on the bend.', dimension)).toBe(true);
    expect(fitsDimension('It was doing 40 miles an hour.', dimension)).toBe(true);
    expect(fitsDimension('The ferry made 20 knots.', dimension)).toBe(true);
    expect(fitsDimension('The lorry crashed 2 km from the depot.', dimension)).toBe(false);
    expect(fitsDimension('About 1,400 people were moved out.', dimension)).toBe(false);
    expect(readDimension('how quickly did the council respond?')).toBeNull();
    expect(readDimension('what speed did the inspectors say the lorry was doing?')).toBe('speed');
    expect(
      fitsDimension("The inspectors called the claims about the lorry's speed unhelpful.", 'speed'),
    ).toBe(false);
    expect(readDimension('at what depth are the miners trapped?')).toBe('length');
    expect(readDimension("what's the max range of the new buses?")).toBe('length');
  });

  it('wants a share for "what percentage", and a share or a measure for "what level"', () => {
    expect(readDimension('what percentage would avoid flying?')).toBe('share');
    expect(fitsDimension('Some 41 per cent would avoid it.', 'share')).toBe(true);
    const level = readDimension('what level is the river running at now');
    expect(level).toBe('level');
    expect(fitsDimension('The council must meet three demands.', level)).toBe(false);
    expect(fitsDimension('It is nowhere close to the 90 per cent of capacity.', level)).toBe(true);
    expect(fitsDimension('The reservoir stood 1.9 metres below the crest.', level)).toBe(true);
  });

  it('takes a condition for a time ("once the water is low enough"), as news answers "when"', () => {
    expect(fitsAnswerKind('Divers will examine the gate once the water is low enough.', 'time')).toBe(true);
    expect(fitsAnswerKind('The road reopens after the inspection.', 'time')).toBe(true);
    expect(fitsAnswerKind('Divers examined the gate.', 'time')).toBe(false);
  });

  it('wants a name the question does not already hold', () => {
    const asked = (question: string) => new Set(searchStems(question));
    const hotel = asked('which hotel did the dunmore fans stay at?');
    expect(fitsAnswerKind('At Dunmore, staff found hotel rooms for the fans.', 'name', hotel)).toBe(false);
    expect(fitsAnswerKind('The fans stayed at the Grand Marlow in Dunmore.', 'name', hotel)).toBe(true);
    const officer = asked("what's the name of the co-pilot flying with captain brenner?");
    expect(fitsAnswerKind('The captain, Erik Brenner, 52, has 14,000 hours.', 'personName', officer)).toBe(
      false,
    );
    expect(fitsAnswerKind('His co-pilot was Mira Tolland, 31.', 'personName', officer)).toBe(true);
  });

  it('wants a person named for "which judge is …?", and leaves "which analyst said …?" to the quote', () => {
    expect(readAnswerKind('which judge is hearing the ferry appeal?')).toBe('personName');
    expect(readAnswerKind('which analyst said the fares were too high?')).toBe('other');
    expect(readAnswerKind('which people were moved out?')).toBe('other');
  });

  it('reads a name as its run of capitalised words, and no day or month as a place', () => {
    const pell = new Set(searchStems('who has pell picked to chair the panel?'));
    expect(fitsAnswerKind('Minister Ada Pell announced a panel.', 'name', pell)).toBe(false);
    expect(fitsAnswerKind('The fire started on Monday afternoon.', 'place')).toBe(false);
    expect(fitsAnswerKind('The fire started in woodland about 6km north of the village.', 'place')).toBe(
      true,
    );
  });

  it('takes a nationality for the country a "which country" question asks for, and for no other place', () => {
    const country = new Set(searchStems('which country keeps pressing the alliance on tariffs?'));
    expect(fitsAnswerKind('Danish officials have pushed for lower tariffs.', 'place', country)).toBe(true);
    const city = new Set(searchStems('which city is hosting the talks?'));
    expect(fitsAnswerKind('Iranian officials are hosting the talks.', 'place', city)).toBe(false);
  });

  it('takes a figure or a duration as a measure, and nothing else', () => {
    expect(fitsAnswerKind('The crack is 52cm long.', 'measure')).toBe(true);
    expect(fitsAnswerKind('Threats have gone on for more than a month.', 'measure')).toBe(true);
    expect(fitsAnswerKind('Inspectors found the crack in a weld.', 'measure')).toBe(false);
  });
});

describe('questions about the original plan', () => {
  it.each([
    ['which countries were meant to send officials to the talks?'],
    ['which city was due to host the talks?'],
    ['where were the talks originally going to be?'],
  ])('lifts a dropped plan for %j', (question) => {
    expect(fitsPlanTense('Initially, the talks were to be held in Istanbul.', question)).toBe(1);
  });

  it('does not sink a sentence that states the dropped plan and the change that replaced it', () => {
    const sentence =
      'The hearing, originally planned for Monday, will now take place on Wednesday in Harwell.';
    expect(fitsPlanTense(sentence, 'where did the hearing happen?')).toBe(0);
  });

  it('sinks a dropped plan for a question about the present', () => {
    expect(fitsPlanTense('Initially, the talks were to be held in Istanbul.', 'where are the talks?')).toBe(
      -1,
    );
  });
});

describe('reportsOutcome', () => {
  it('reads a ruling, a vote or a deal that happened as an outcome', () => {
    expect(reportsOutcome('The tribunal ruled that the ferry licence was void.')).toBe(true);
    expect(reportsOutcome('Members voted to accept the offer.')).toBe(true);
  });

  it('reads no outcome in a ruling asked for or to come, or in votes counted', () => {
    expect(reportsOutcome('The union filed a petition asking the tribunal to rule on the licence.')).toBe(
      false,
    );
    expect(reportsOutcome('The tribunal expects to rule by Friday.')).toBe(false);
    expect(reportsOutcome('The challenger leads by 41 votes after the recount of the ballots.')).toBe(false);
  });
});
