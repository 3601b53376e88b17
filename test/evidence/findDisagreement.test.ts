import { describe, expect, it } from 'vitest';
import { type EvidenceSentence, findDisagreement } from '../../src/evidence/findDisagreement.js';
import { storyArticles, storySentence } from './storyDev.js';

function evidence(number: string, words: string, group?: string): EvidenceSentence {
  const article = storyArticles.find(({ id }) => id.startsWith(number));
  const { text, published } = storySentence(number, words);
  return {
    text,
    published,
    articleId: article?.id ?? '',
    outlet: article?.source ?? null,
    group: group ?? number,
  };
}

function made(
  text: string,
  outlet: string,
  published: string,
  articleId = `${outlet}-${published}`,
): EvidenceSentence {
  return { text, outlet, published, articleId, group: articleId };
}

describe('findDisagreement', () => {
  it('returns the union and payroll figures of strikers as a disagreement', () => {
    const sentences = [
      evidence('001', 'some 4,200 dock workers'),
      evidence('002', 'Roughly 2,900 workers'),
      evidence('004', 'The union says 4,200'),
      evidence('005', 'The union says 4,200', '004'),
      evidence('007', 'about 2,900 of its employees'),
    ];
    const found = findDisagreement(sentences, 'how many dock workers are on strike?');
    expect(found).toMatchObject({ valueA: 'some 4,200 dock workers', valueB: 'Roughly 2,900 workers' });
  });

  it('returns null for the ships waiting reported day after day (a time series)', () => {
    const sentences = [
      evidence('002', 'By Tuesday afternoon 14 container ships'),
      evidence('003', '23 container ships were now waiting'),
      evidence('004', 'More than 20 container ships'),
      evidence('007', '61 container ships were waiting'),
      evidence('009', 'fell to 48 on Friday'),
      evidence('009', 'handled 14 extra container ships'),
    ];
    expect(findDisagreement(sentences, 'how many ships are waiting?')).toBeNull();
  });

  it('returns null for a republication and for one outlet repeating itself', () => {
    const wire = evidence('004', 'The union says 4,200');
    const republished = {
      ...evidence('005', 'The union says 4,200', '004'),
      text: 'The union says 3,000 of its members are out.',
    };
    expect(findDisagreement([wire, republished], 'how many members')).toBeNull();
    const sameOutlet = [
      evidence('002', 'Roughly 2,900 workers'),
      made('Some 3,500 workers are out.', 'Northern Business Daily', '2025-10-07'),
    ];
    expect(findDisagreement(sameOutlet, 'how many workers')).toBeNull();
  });

  it('returns null for a paraphrase and for figures of different kinds', () => {
    const offer = [
      evidence('007', 'consists of a 4 per cent rise'),
      made('Employers now offer ten percent over three years.', 'Daily Ledger', '2025-10-14'),
    ];
    expect(findDisagreement(offer, 'what is the offer')).toBeNull();
    const sum = [
      made('The deal gives 4%+3%+3%.', 'Wire', '2024-02-01'),
      made('The deal gives 10 per cent.', 'Post', '2024-02-01'),
    ];
    expect(findDisagreement(sum, 'what does the deal give')).toBeNull();
    const kinds = [evidence('003', '48 per cent of respondents'), evidence('009', 'fell to 48 on Friday')];
    expect(findDisagreement(kinds, '')).toBeNull();
  });

  it('returns casualty counts of two claimants as a disagreement, and a rising toll as an update', () => {
    const claims = [
      made('At least 40 people were killed in the shelling, the health ministry said.', 'Wire', '2024-03-02'),
      made('Eleven people were killed, according to the army.', 'Post', '2024-03-03'),
    ];
    expect(findDisagreement(claims, 'how many people were killed')).toMatchObject({
      valueB: 'Eleven people',
    });
    const toll = [
      made('Rescuers said 12 people were killed in the quake.', 'Wire', '2024-03-01'),
      made('The death toll rose to 30 people.', 'Post', '2024-03-02'),
      made('Officials counted 57 people killed.', 'Herald', '2024-03-04'),
    ];
    expect(findDisagreement(toll, 'how many people were killed')).toBeNull();
  });

  it('returns vote tallies that alternate between outlets as a disagreement', () => {
    const tallies = [
      made('The motion passed with 212 votes.', 'Wire', '2024-06-01'),
      made('The motion passed with 198 votes.', 'Post', '2024-06-05'),
      made('The motion won 212 votes.', 'Herald', '2024-06-09'),
    ];
    expect(findDisagreement(tallies, 'how many votes did the motion get')).not.toBeNull();
  });

  it('returns a yes/no disagreement when one outlet negates the predicate', () => {
    const sentences = [
      made('The two delegations met face to face on Saturday.', 'Wire', '2026-02-07'),
      made(
        'The two delegations did not meet face to face, passing messages through the hosts.',
        'Post',
        '2026-02-07',
      ),
    ];
    expect(findDisagreement(sentences, 'did they meet face to face?')).toMatchObject({
      valueA: 'yes',
      valueB: 'no',
    });
  });

  it('never throws on hostile strings', () => {
    const hostile = ['', '9'.repeat(500), 'not not not', '4,200 '.repeat(300), '\u0000'].map((text, index) =>
      made(text, `outlet${index}`, index % 2 === 0 ? '2024-01-01' : 'garbage'),
    );
    expect(() => findDisagreement(hostile, 'how many')).not.toThrow();
    expect(() => findDisagreement(hostile, '')).not.toThrow();
  });
});
