import { describe, expect, it } from 'vitest';
import { searchStems, splitIntoTerms } from '../../src/retrieval/terms.js';

describe('searchStems', () => {
  it('matches British and American spellings of the same word', () => {
    expect(searchStems('neighbours programme')).toEqual(searchStems('neighbors program'));
  });

  it('folds "3%", "3 percent" and "3 per cent" into the same terms', () => {
    expect(searchStems('3%')).toEqual(['3', 'percent']);
    expect(searchStems('3 per cent')).toEqual(['3', 'percent']);
    expect(searchStems('3 percent')).toEqual(['3', 'percent']);
  });

  it('reads question words typed without the apostrophe as the words: "whats", "theyre", "thru"', () => {
    expect(searchStems('whats the plan')).toEqual(searchStems("what's the plan"));
    expect(searchStems('theyre going thru the tunnel')).toEqual(searchStems('tunnel'));
    expect(searchStems('didnt they meet')).toEqual(searchStems("didn't they meet"));
    expect(searchStems('outside the hq')).toEqual(searchStems('outside the headquarters'));
  });

  it('folds "went back" into "return" and "sit down with" into "meet", but not "came back with" results', () => {
    expect(searchStems('he went back to the valley')).toEqual(searchStems('he returned to the valley'));
    expect(searchStems('did she sit down with the families')).toEqual(
      searchStems('did she meet the families'),
    );
    expect(searchStems('the audit came back with a figure')).not.toContain(searchStems('return')[0]);
  });

  it('reads "America" as the US, but not "South America" or "Latin America"', () => {
    expect(searchStems('what did america say')).toEqual(searchStems('what did the US say'));
    expect(searchStems('trade with south america')).not.toContain('us');
  });

  it('reads "lead to" as a result, not as leading anyone', () => {
    expect(searchStems('talks that lead to a deal')).not.toContain(searchStems('leading')[0]);
  });

  it('drops "per" outside "per cent": "costs per day" shares no word with "10 per cent"', () => {
    expect(searchStems('costs per day')).toEqual(searchStems('costs day'));
    expect(searchStems('10 per cent')).toEqual(['10', 'percent']);
  });

  it('keeps "US" the country while dropping "us" the pronoun', () => {
    expect(searchStems('the US and Iran')).toContain('us');
    expect(searchStems('tell us about Iran')).not.toContain('us');
  });

  it('finds "said" when a question asks what someone would "say"', () => {
    expect(searchStems('What did Rubio say?')).toEqual(expect.arrayContaining(searchStems('Rubio said')));
  });

  // Words a question and an article write differently that must still meet.
  it.each([
    ['an irregular past', 'how many cracks did they find?', 'inspectors found five cracks'],
    ['an irregular past', 'when did the ferry come?', 'the ferry came on Monday'],
    ['an irregular past', 'who caught the error?', 'a clerk caught the error'],
    ['a British past in -t', 'how much has burned?', 'about 40 hectares had burnt'],
    ['a unit spelt out', 'the 38cm crack', 'a crack of 38 centimetres'],
    ['a unit spelt out', 'a 47 km detour', 'a detour of 47 kilometers'],
    ['a unit spelt out', 'the 12kg bag', 'a bag of 12 kilograms'],
    ['a unit spelt out', 'it stopped at 4 mins', 'the countdown stopped at 4 minutes'],
    ['chat shorthand', 'how many ppl are at the evac centre', 'people at the evacuation centre'],
    ['a phrasal verb', 'why did they bail on the plan', 'officials backed out of that plan'],
    ['a phrasal verb', 'why did they back away from the plan', 'officials backed out of that plan'],
    ['a phrasal verb', 'what date were they working towards', 'they now aim for a later date'],
    ['a region written as one word', 'what did the mideast officials say', 'two Middle East officials said'],
  ])('matches %s: %j with %j', (_kind, question, sentence) => {
    expect(searchStems(sentence)).toEqual(expect.arrayContaining(searchStems(question)));
  });

  it('keeps an acronym that chat shorthand would spell the same', () => {
    expect(searchStems('flights to BC resumed')).toContain('bc');
  });

  it('returns nothing for a question made only of function words', () => {
    expect(searchStems('what is it that they were?')).toEqual([]);
    expect(searchStems('whose was it?')).toEqual([]);
    expect(searchStems('who said we shld wait, and abt what?')).toEqual(searchStems('who said we wait'));
  });
});

describe('splitIntoTerms', () => {
  it('marks names inside a sentence as proper nouns but not the capital of its first word', () => {
    const terms = splitIntoTerms('Officials met Marco Rubio in Muscat.');
    expect(terms.filter((term) => term.proper).map((term) => term.word)).toEqual([
      'marco',
      'rubio',
      'muscat',
    ]);
  });
});
