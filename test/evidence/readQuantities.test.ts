import { describe, expect, it } from 'vitest';
import { readQuantities } from '../../src/evidence/readQuantities.js';

const read = (sentence: string) =>
  readQuantities(sentence).map(({ value, unit, bound }) => [value, unit, bound]);

describe('readQuantities', () => {
  it('reads the counted noun across capitalised words before it', () => {
    expect(readQuantities('Three Iranian officials said so.')).toMatchObject([
      { value: 3, unit: 'official' },
    ]);
    expect(readQuantities('two Middle Eastern diplomats said')).toMatchObject([
      { value: 2, unit: 'diplomat' },
    ]);
  });

  it('returns figures with the head noun they count', () => {
    expect(read('some 4,200 dock workers walked off the job')).toEqual([[4200, 'worker', 'about']]);
    expect(read('about 2,900 of its employees remained on strike')).toEqual([[2900, 'employee', 'about']]);
    expect(read('a pay rise of 2.5 per cent a year, or 10%')).toEqual([
      [2.5, '%', 'exact'],
      [10, '%', 'exact'],
    ]);
    expect(read('It costs 85m crowns, up from $3.5bn and ten days')).toEqual([
      [85e6, 'crown', 'exact'],
      [3.5e9, 'USD', 'exact'],
      [10, 'day', 'exact'],
    ]);
    expect(read('a dozen soldiers and more than 20 container ships')).toEqual([
      [12, 'soldier', 'exact'],
      [20, 'ship', 'atLeast'],
    ]);
    expect(read('tracking data shows a single trawler in the zone')).toEqual([[1, 'trawler', 'exact']]);
    expect(read('single parents said the buses were late')).toEqual([]);
  });

  it('returns what "the number of" counts when the figure has no noun after it', () => {
    expect(read('The number of container ships waiting off the port fell to 48 on Friday')).toEqual([
      [48, 'ship', 'exact'],
    ]);
  });

  it('returns no figure for years, dates, times of day and labels', () => {
    expect(read('In 2002, on Oct. 6 at 6am and 10:30, in round 2 at berths 7 to 9, on 13 October')).toEqual(
      [],
    );
    expect(read('the first stoppage since 2019, on the 15th')).toEqual([]);
  });

  it('never throws on hostile strings', () => {
    for (const hostile of ['', '9'.repeat(400), '1,2,3,4,5,,,', '$$$ %%% 5e9999', '\u202e12 per cent'])
      expect(() => readQuantities(hostile)).not.toThrow();
  });
});
