import { describe, expect, it } from 'vitest';
import { convertValue, isMeasureUnit, kindOf, measureOf } from '../../src/evidence/unitKinds.js';

describe('what a figure counts', () => {
  it('folds any noun for people into one kind, and leaves other nouns alone', () => {
    for (const unit of ['miner', 'men', 'patients', 'resident', 'women', 'staff', 'worker'])
      expect(kindOf(unit), unit).toBe('person');
    for (const unit of ['train', 'head', 'batch', 'aaron']) expect(kindOf(unit), unit).toBe(unit);
    for (const unit of ['boat', 'trawler', 'ferry']) expect(kindOf(unit), unit).toBe('vessel');
  });

  it('reads only the words for workers and staff as people when the reading is exact', () => {
    expect(kindOf('worker', 'exact')).toBe('person');
    expect(kindOf('adult', 'exact')).toBe('adult');
    expect(kindOf('adults')).toBe('person');
  });

  it('reads currencies by their ISO 4217 names', () => {
    for (const unit of ['rial', 'dollars', 'euro', 'yen', 'crown']) expect(kindOf(unit), unit).not.toBe(unit);
    expect(kindOf('rial')).toBe('money');
  });

  it('knows units of measurement in British and American spelling', () => {
    for (const unit of ['metre', 'meters', 'litre', 'hectare', 'tonne', 'megawatt'])
      expect(isMeasureUnit(unit), unit).toBe(true);
    expect(isMeasureUnit('ship')).toBe(false);
    expect([measureOf('metres'), measureOf('km'), measureOf('tonne'), measureOf('day')]).toEqual([
      'length',
      'length',
      'mass',
      'time',
    ]);
  });
});

describe('converting a measure', () => {
  it('converts between units of one measure, and not across measures', () => {
    expect(convertValue(48, 'hour', 'days')).toBe(2);
    expect(convertValue(1500, 'metre', 'km')).toBe(1.5);
    expect(convertValue(2, 'day', 'km')).toBeUndefined();
    expect(convertValue(2, 'ship', 'day')).toBeUndefined();
  });
});
