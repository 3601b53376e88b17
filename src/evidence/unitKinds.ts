import { createRequire } from 'node:module';
import { personNouns } from './personNouns.js';
import { singular } from './readQuantities.js';

const require = createRequire(import.meta.url);

// Nouns English uses for one countable thing: "4,200 workers" and "2,900 of its staff" count the
// same people, "600 jobs" and "150 roles" the same posts. Groups of people ("staff", "crew") are no
// person in WordNet, so they are named here, as are the words for workers, read alike at any breadth.
const kindGroups = [
  'person: worker staff employee member people person striker personnel crew',
  'post: job role post position',
  'vessel: ship vessel boat trawler ferry tanker freighter yacht barge tug dinghy',
  'money: USD EUR GBP JPY crown yuan rouble',
].map((line) => line.split(/:?\s+/));
const kindOfUnit = new Map(kindGroups.flatMap(([kind = '', ...units]) => units.map((unit) => [unit, kind])));

/**
 * The last word of each ISO 4217 currency name ("US Dollar" → "dollar", "Iranian Rial" → "rial"),
 * from currency-codes; funds, metals and other X-codes are left out.
 */
const currencyWords: ReadonlySet<string> = new Set(
  (require('currency-codes') as { data: { code: string; currency: string }[] }).data
    .filter(({ code, currency }) => !code.startsWith('X') && !/[()]|unidad|mvdol|wir\b/i.test(currency))
    .map(({ currency }) => currency.toLowerCase().split(/\s+/).at(-1) ?? ''),
);

/**
 * One-word units of measurement from convert-units ("metre", "litre", "hectare", "megawatt", and
 * abbreviations: "km", "kg"), in British spelling too, with the tonne, each with what it measures
 * ("length", "mass", "area", …).
 */
type ConvertUnits = ((value: number) => { from(unit: string): { to(unit: string): number } }) &
  (() => { list(): { abbr: string; measure: string; singular: string }[] });
const convertUnits = require('convert-units') as ConvertUnits;
/** Each unit's name and abbreviation, with what it measures and convert-units' abbreviation for it. */
const units: ReadonlyMap<string, { measure: string; abbr: string }> = new Map(
  convertUnits()
    .list()
    .flatMap(({ abbr, measure, singular }) => {
      const name = singular.toLowerCase();
      const names = name.includes(' ') ? [] : [name, name.replace(/er$/, 're')];
      return [...names, abbr].map((unit): [string, { measure: string; abbr: string }] => [
        unit,
        { measure, abbr },
      ]);
    })
    .concat([['tonne', { measure: 'mass', abbr: 't' }]]),
);
const measureOfUnit: ReadonlyMap<string, string> = new Map(
  [...units].map(([unit, { measure }]): [string, string] => [unit, measure]),
);

/**
 * A value converted from one unit to another of the same measure (48 hours → 2 days), by
 * convert-units; undefined when either is no unit it knows or they measure different things.
 *
 * @param from a unit's singular name or abbreviation ("hour", "km"); `to` likewise.
 */
export function convertValue(value: number, from: string, to: string): number | undefined {
  const source = units.get(from) ?? units.get(singular(from));
  const target = units.get(to) ?? units.get(singular(to));
  if (source === undefined || target === undefined || source.measure !== target.measure) return undefined;
  return convertUnits(value).from(source.abbr).to(target.abbr);
}

// "Firemen", "women", "children": plurals the figure reader's -s rule (`singular`) leaves as they are.
function singularPerson(word: string): string {
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word === 'children') return 'child';
  return singular(word);
}

/** How widely units fold together: `broad` also reads any noun for a person as a person. */
export type KindBreadth = 'exact' | 'broad';

/**
 * The kind a figure's unit counts, so that two figures or a figure and a question can be compared:
 * units of one group fold to its name ("staff" → "person", "ship" → "vessel"), a currency's name
 * (ISO 4217) to "money", and when `breadth` is `broad` (the default) any noun whose commonest sense is
 * a person ("miner", "men", "adults": WordNet noun.person) to "person". Any other unit is its own kind.
 *
 * @param unit a lower-case unit as `readQuantities` gives it, or a question's word.
 */
export function kindOf(unit: string, breadth: KindBreadth = 'broad'): string {
  const grouped = kindOfUnit.get(unit);
  if (grouped !== undefined) return grouped;
  if (currencyWords.has(unit) || currencyWords.has(unit.replace(/s$/, ''))) return 'money';
  if (breadth === 'broad' && (personNouns.has(unit) || personNouns.has(singularPerson(unit))))
    return 'person';
  return unit;
}

/**
 * What a unit measures, by convert-units' names: "length" for "metre" or "km", "mass" for "tonnes",
 * "time" for "days"; undefined for a unit of no measure ("ship", "%").
 */
export function measureOf(unit: string): string | undefined {
  return measureOfUnit.get(unit) ?? measureOfUnit.get(unit.replace(/s$/, ''));
}

/** Whether a unit measures an amount (a length, volume, weight, area, power, time), not a count. */
export function isMeasureUnit(unit: string): boolean {
  return measureOf(unit) !== undefined;
}
