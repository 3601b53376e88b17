import { describe, expect, it } from 'vitest';
import { type EvidenceSentence, findDisagreement } from '../../src/evidence/findDisagreement.js';
import { selectDisagreementCandidates } from '../../src/evidence/selectDisagreementCandidates.js';

// A second, invented story in another domain (an earthquake, relief and a donors' conference), to
// show that no rule leans on the dev story's words.
function report(outlet: string, published: string, text: string): EvidenceSentence {
  const articleId = `${outlet}-${published}`;
  return { text, outlet, published, articleId, group: articleId };
}

const story = [
  report(
    'Wire',
    '2031-04-02',
    'At least 120 people were killed in the earthquake, the civil defence agency said.',
  ),
  report('Herald', '2031-04-02', 'The earthquake killed 85 people, according to the health ministry.'),
  report('Wire', '2031-04-03', 'Rescuers said 310 people were killed as more bodies were found.'),
  report('Post', '2031-04-05', 'Officials said 640 people were killed in the earthquake.'),
  report('Herald', '2031-04-03', 'A bottle of water costs 4 dollars in the city, traders said.'),
  report('Post', '2031-04-03', 'A bottle of water costs 9 dollars in the city, residents said.'),
  report('Wire', '2031-04-04', 'The donors conference will be held in Lisbon on Friday.'),
  report('Times', '2031-04-04', 'The donors conference will be held in Oslo on Friday.'),
  report('Wire', '2031-04-06', 'The donors conference was moved to Oslo at the last minute.'),
  report(
    'Herald',
    '2031-04-04',
    'Aid convoys reached the northern valley on Thursday, the Red Crescent said.',
  ),
  report(
    'Times',
    '2031-04-04',
    'Aid convoys have not reached the northern valley, the regional governor said.',
  ),
  report('Wire', '2031-04-04', 'The airport reopened for relief flights, carrying 40 tonnes of aid a day.'),
  report('Post', '2031-04-04', 'Relief flights carried 12 tonnes of tents on the first day.'),
];

const ask = (question: string, sentences = story) =>
  findDisagreement(selectDisagreementCandidates(sentences, question), question);

describe('findDisagreement on another story', () => {
  it('returns two agencies giving the death toll differently on the same day as a disagreement', () => {
    expect(ask('how many people were killed in the earthquake?', story.slice(0, 2))).toMatchObject({
      valueA: 'At least 120 people',
      valueB: '85 people',
    });
  });

  it('returns null for a death toll rising over days', () => {
    const rising = [story[0], story[2], story[3]].filter((sentence) => sentence !== undefined);
    expect(ask('how many people were killed in the earthquake?', rising)).toBeNull();
  });

  it('returns a price quoted differently on the same day as a disagreement', () => {
    expect(ask('how much does a bottle of water cost?')).toMatchObject({
      valueA: '4 dollars',
      valueB: '9 dollars',
    });
  });

  it('returns two venues for one event as a disagreement, and a reported move as an update', () => {
    const venues = story.slice(6, 8);
    expect(ask('where will the donors conference be held?', venues)).toMatchObject({
      valueA: 'Lisbon',
      valueB: 'Oslo',
    });
    expect(ask('where will the donors conference be held?', story.slice(6, 9))).toBeNull();
  });

  it('returns a yes/no disagreement when one claimant denies what another reports', () => {
    expect(ask('have aid convoys reached the northern valley?')).toMatchObject({
      valueA: 'yes',
      valueB: 'no',
    });
  });

  it('returns null for a rate and a one-off figure of different things', () => {
    expect(ask('how many tonnes of aid do relief flights carry a day?')).toBeNull();
  });

  it('returns two counts a day apart when each names its source, its subject in the thesaurus, one cut off by an apposition', () => {
    const tents = [
      report(
        'Herald',
        '2031-04-07',
        'The camp authority said three field hospitals had opened in the quarantine zone about a day after the tremor.',
      ),
      report(
        'Times',
        '2031-04-08',
        'Satellite images reviewed by the Times show a single field hospital, the Amberlight unit, inside the zone.',
      ),
    ];
    expect(ask('how many field hospitals are in the quarantine area?', tents)).toMatchObject({
      valueA: 'three field hospitals',
      valueB: 'a single field hospital',
    });
  });

  it('returns "up to" a share and a measured share well short of it as a disagreement, and one near it as agreement', () => {
    const lost = (measured: string) => [
      report(
        'Herald',
        '2031-04-09',
        'Up to 30 per cent of the donated grain is spoiled in storage, the farmers union says.',
      ),
      report(
        'Times',
        '2031-04-09',
        `"Our measured spoilage is ${measured} of the donated grain," said the relief agency.`,
      ),
    ];
    expect(ask('how much of the donated grain is spoiled?', lost('12 per cent'))).toMatchObject({
      valueA: 'Up to 30 per cent',
      valueB: '12 per cent',
    });
    expect(ask('how much of the donated grain is spoiled?', lost('about 28 per cent'))).toBeNull();
  });
});
