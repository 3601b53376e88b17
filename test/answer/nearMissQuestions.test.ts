import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/askQuestion.js';
import { createKnowledgeFixture, type KnowledgeFixture } from '../support/knowledgeFixture.js';

// SQuAD 2.0-style near misses: each unanswerable question is an answerable one with one thing changed.
const article = `---
title: Rail operator delays timetable change
source: Example Wire
published: 2026-05-08
---

The rail operator Norvik Lines said on Wednesday that its new timetable would start in June, a month later than planned.

Transport minister Ada Pell said the delay was regrettable but necessary to train drivers.

Ticket sales at Norvik Lines rose 12 per cent in April, the company said.

The Harwell Cycling Club said it had added two group rides a week for commuters.

The passenger group Rail Voice applied to the High Court on Tuesday for an order halting the change.

Norvik Lines said three unions had agreed to the new rota for its trains.

The operator's chief executive will appear before the transport committee at a hearing next week.

The 30-day pass will cost 95 euros from June, Norvik Lines said.

Fares rose 4 per cent in March because of higher energy costs, the company said.

The rail regulator on Thursday approved a fare freeze for season tickets until September.

Norvik Lines will pay compensation to about 4,000 passengers whose trains were cancelled in the winter.

Work on the east platform at Harwell station will finish in July.

The Harwell council has threatened to fine Norvik Lines for every cancelled train.

Rail Voice has threatened a boycott of the new season tickets.

Harwell Cycling Club won the city's commuter award on Tuesday.

The operator said 31 stranded men were taken home by bus on Tuesday.

A spokeswoman for the regulator said its safety review would be published by 3 June.

The new tunnel under Harwell station is 14 metres deep.

The Harwell reservoir holds 40 days of water.

Some of Rail Voice's members have proposed a weekend timetable.

Long-distance fares will rise 6 per cent in July.

Harwell council will give 200 euros to every household on Station Road during the works.

Judge Mara Venn is leading the inquiry into the winter cancellations, the ministry said.

Lena Holt, general secretary of the train drivers' union, said the new rota was fair.

Two union officials said the drivers may offer to work overtime on Sundays. In return, they said, the drivers would expect a bonus.

In the first 48 hours after the storm, the operator laid on 87 replacement buses.

Initially, the new timetable was to be tested on the Harwell, Marlow, Brenn and Osterby lines.

Regulator and union officials are scheduled to meet in Marlow on Friday for their first talks since the strike.

If the trial succeeds, the operator plans to pick two senior drivers to train the others.

The ministry named Judge Mara Venn to chair the inquiry.

Rail Voice is demanding money from Norvik Lines over the closure of the Route-9 line.

The Harwell Traffic Directorate said it would review the new timetable before June.
`;

// The town's own primary school is named nowhere; the school the article names is another.
const schools = `---
title: Tolbrick schools reopen on Monday
source: Example Wire
published: 2026-05-08
---

The 190 pupils of Kell Lane Primary, which is inside the closed zone, will be taught at Oxley Hall.

Buses will run from the station every 20 minutes.

The other schools in Tolbrick will reopen on Monday, the council said.
`;

// Antonyms of the questions below that contradict nothing: negated, or of the day something began.
const ferry = `---
title: Ferry service to end
source: Example Wire
published: 2026-05-08
---

The Skell ferry, which carried 9,000 passengers a year when it opened, will stop running in June.

The operator said it would sell the ferry if the council did not accept its offer.
`;

let fixture: KnowledgeFixture;

beforeAll(async () => {
  fixture = await createKnowledgeFixture({
    'railTimetable.md': article,
    'schools.md': schools,
    'ferry.md': ferry,
  });
});
afterAll(() => fixture.cleanUp());

async function ask(question: string) {
  return askQuestion(fixture.context, question, { today: '2026-05-09' });
}

// Each near miss beside the answerable question it was made from, and what the answer must quote.
const pairs: [change: string, nearMiss: string, answerable: string, quoted: RegExp][] = [
  [
    'a verb swapped for its antonym',
    'how much did ticket sales at Norvik Lines fall in April?',
    'how much did ticket sales at Norvik Lines rise in April?',
    /rose 12 per cent/,
  ],
  [
    'a verb swapped for its antonym, the question word after a preposition',
    'by how much did ticket sales at Norvik Lines fall in April?',
    'by how much did ticket sales at Norvik Lines rise in April?',
    /rose 12 per cent/,
  ],
  [
    'a verb swapped for its antonym, one no article uses',
    'how many unions had disagreed with the new rota?',
    'how many unions had agreed to the new rota?',
    /three unions had agreed/,
  ],
  [
    'a school named by its town, which the headline names, when the article names another school',
    'how many pupils go to tolbrick primary?',
    'how many pupils go to kell lane primary?',
    /190 pupils/,
  ],
  [
    'a day the article does not report',
    'What did Norvik Lines say on Monday about the timetable?',
    'What did Norvik Lines say on Wednesday about the timetable?',
    /start in June/,
  ],
  [
    'a year the article does not report',
    'What did Norvik Lines say on Wednesday in 2019 about the timetable?',
    'What did Norvik Lines say on Wednesday about the timetable?',
    /start in June/,
  ],
  [
    'a negation only an affirmative sentence matches',
    'What did the transport minister say was not necessary?',
    'What did the transport minister say was necessary?',
    /train drivers/,
  ],
  [
    'a negation typed without its apostrophe',
    'What did the transport minister say wasnt necessary?',
    'What did the transport minister say was necessary?',
    /train drivers/,
  ],
  [
    'a name taken from another sentence',
    'How much did ticket sales at the Harwell Cycling Club rise in April?',
    'How much did ticket sales at Norvik Lines rise in April?',
    /12 per cent/,
  ],
  [
    'a speaker no sentence about it names',
    'What did the chief executive of Norvik Lines say about the timetable delay?',
    'What did the transport minister say about the timetable delay?',
    /regrettable/,
  ],
  [
    'a word swapped for another of its set',
    'When will work on the west platform at Harwell station finish?',
    'When will work on the east platform at Harwell station finish?',
    /finish in July/,
  ],
  [
    'a word swapped for its antonym',
    'How much will short-distance fares rise in July?',
    'How much will long-distance fares rise in July?',
    /6 per cent in July/,
  ],
  [
    'an outcome only the application for it matches',
    "What did the judge decide on Rail Voice's application?",
    'What did the rail regulator decide about season ticket fares?',
    /approved a fare freeze/,
  ],
  [
    'a count of something the sentence does not count',
    'How many trains does Norvik Lines run?',
    'How many unions agreed to the Norvik Lines rota?',
    /three unions/,
  ],
  [
    'a count of things where the sentence counts people (a person noun of any word)',
    'How many trains were taken home by bus?',
    'How many passengers were taken home by bus?',
    /31 stranded men/,
  ],
  [
    'a count of what another act was done to',
    'How many passengers were injured on trains cancelled in the winter?',
    'How many passengers were compensated for trains cancelled in the winter?',
    /about 4,000 passengers/,
  ],
  [
    'a depth where the sentence gives only a duration',
    'How deep is the Harwell reservoir?',
    'How deep is the new tunnel under Harwell station?',
    /14 metres deep/,
  ],
  [
    'a cost asked in chat shorthand ("whats") where the sentence gives no sum of money',
    'whats the bill for the safety review',
    'whats the price of the 30-day pass from june',
    /95 euros/,
  ],
  [
    'a sum of money where the sentence only says it is sought',
    'How much money is Rail Voice demanding from Norvik Lines?',
    'How much money will Harwell council give every household on Station Road?',
    /200 euros/,
  ],
  [
    'a cost where the sentence gives no sum of money',
    'How much will the safety review cost?',
    'How much will the 30-day pass cost from June?',
    /95 euros/,
  ],
  [
    'a share for one kind of recipient where the sentence gives it to another',
    'How much will Harwell council give each shop on Station Road?',
    'How much will Harwell council give each household on Station Road?',
    /200 euros/,
  ],
  [
    'a role nobody is said to have',
    'Who is funding the inquiry into the winter cancellations?',
    'Who is leading the inquiry into the winter cancellations?',
    /Mara Venn/,
  ],
  [
    'a role nobody is said to have, where the leader is named by a title',
    "Who is funding the train drivers' union?",
    "Who is leading the train drivers' union?",
    /Lena Holt/,
  ],
  [
    'a name asked of someone the article never names',
    "What's the name of the regulator's spokeswoman?",
    "What's the name of the transport minister?",
    /Ada Pell/,
  ],
  [
    'an owner no article mentions, typed in lower case',
    "What have osprey cycling's members proposed?",
    "What have Rail Voice's members proposed?",
    /weekend timetable/,
  ],
  [
    'a cost asked without "how much" where the sentence gives no sum of money',
    "What's the safety review going to cost?",
    "What's the 30-day pass going to cost from June?",
    /95 euros/,
  ],
  [
    'an amount where the sentence only counts who gets it',
    'How much compensation will Norvik Lines pay each passenger whose train was cancelled?',
    'How many passengers will Norvik Lines pay compensation to?',
    /4,000 passengers/,
  ],
  [
    "a leader's title that is only part of an organisation's name",
    'Who is running the Harwell Traffic Directorate?',
    'Who is leading the inquiry into the winter cancellations?',
    /Mara Venn/,
  ],
  [
    'people chosen whom the article does not name',
    'Who are the two senior drivers picked to train the others?',
    'Who was the judge named to chair the inquiry?',
    /Mara Venn/,
  ],
  [
    'a role nobody is said to have, asked in the present tense',
    'Who heads the regulator team in Marlow?',
    'Who leads the inquiry into the winter cancellations?',
    /Mara Venn/,
  ],
  [
    'a count of names the sentence lists but does not state, asked for another thing',
    'Which 4 lines were the new fares to be tested on?',
    'Which 4 lines was the new timetable to be tested on at first?',
    /Harwell, Marlow, Brenn and Osterby/,
  ],
  [
    'a length of time the sentence gives in another unit and another value',
    'How many replacement buses were laid on in the first 3 days after the storm?',
    'How many replacement buses were laid on in the first 2 days after the storm?',
    /87 replacement buses/,
  ],
  [
    'a doer asked of a sentence that names only the people the question names',
    'Who did Ada Pell pick to train the drivers?',
    'Who said the timetable delay was regrettable?',
    /Ada Pell/,
  ],
  [
    'a winner only a mention of the contest matches',
    'Who won the High Court case?',
    "Who won the city's commuter award?",
    /Harwell Cycling Club won/,
  ],
  [
    'an act the named party is never said to do',
    'What did Harwell Cycling Club propose?',
    'What has Rail Voice threatened?',
    /boycott/,
  ],
  [
    'a doer the sentence names only as the owner of who acts',
    'What timetable has Rail Voice proposed?',
    "What have Rail Voice's members proposed?",
    /weekend timetable/,
  ],
  [
    'a figure the article does not give',
    'How much will the 7-day pass cost from June?',
    'How much will the 30-day pass cost from June?',
    /95 euros/,
  ],
  [
    'a figure the article spells out, typed in digits',
    'What did the 4 unions agree to?',
    'What did the 3 unions agree to?',
    /three unions had agreed to the new rota/,
  ],
  [
    'a figure the article does not give, asked why',
    'Why did fares rise 9 per cent in March?',
    'Why did fares rise 4 per cent in March?',
    /higher energy costs/,
  ],
  [
    'an hour the article does not give',
    'What time will the new timetable start?',
    'When will the new timetable start?',
    /start in June/,
  ],
  [
    'a day long before the undated report',
    'What did Norvik Lines say about its rota on 1 May?',
    'What did Norvik Lines say about its rota on Thursday?',
    /three unions/,
  ],
];

describe('questions that look answerable but change one thing', () => {
  it.each(pairs)('refuses %s', async (_change, nearMiss) => {
    expect((await ask(nearMiss)).abstained).toBe(true);
  });

  it.each(pairs)('still answers the question without %s', async (_change, _nearMiss, answerable, quoted) => {
    const answer = await ask(answerable);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(quoted);
  });

  it.each([
    ['what would the operator do if the council rejected its offer?', /sell the ferry/],
    ['how many passengers a year did the skell ferry carry before it closed?', /9,000 passengers/],
  ])('answers %j, whose antonym in the article is negated or dates the start', async (question, quoted) => {
    const answer = await ask(question);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(quoted);
  });

  it('quotes what the asked-about party did, not what another party did to it', async () => {
    const answer = await ask('What has Norvik Lines threatened to do?');
    expect(answer.answer).not.toMatch(/fine Norvik Lines/);
    const rival = await ask('What has Rail Voice threatened?');
    expect(rival.answer).toMatch(/boycott/);
  });

  it('answers what someone offered with the officials\' account, not "not yet"', async () => {
    const answer = await ask('What did the drivers offer?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/work overtime on Sundays/);
  });

  it.each([
    ['How did the chief executive get on at the hearing?', /will appear before the transport committee/],
    ['What did the safety review find?', /safety review would be published by 3 June/],
  ])(
    'says "not yet" for %j, whose event is still to come, whoever said it would be',
    async (question, due) => {
      const answer = await ask(question);
      expect(answer.abstained).toBe(true);
      expect(answer.answer).toMatch(/^The articles don't say yet: /);
      expect(answer.answer).toMatch(due);
    },
  );

  it('says "not yet" when asked what was said at a hearing still to come', async () => {
    const answer = await ask('What did the chief executive tell the transport committee at the hearing?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(
      /^The articles don't say yet: .*will appear before the transport committee/,
    );
  });
});
