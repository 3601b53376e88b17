import { createRequire } from 'node:module';
import { repeatVerbs } from './repeatVerbs.js';
import { searchStems } from './terms.js';

/**
 * A small news thesaurus: words that questions and articles use for one another ("originally" asks
 * what the article says "initially"; "which newspaper" asks for the outlet an article "appeared in").
 * Each group is a set of interchangeable words; a question's word matches any word of its group, at a
 * lower weight than the word itself. Kept to general news English: no story-specific facts.
 */
const groups = [
  'originally initially first original initial earlier',
  'planned scheduled supposed expected intended due aim target',
  'held hold host meet venue location happen occur',
  'newspaper paper outlet publication publisher media',
  'published publish appeared printed reported',
  'article report story piece',
  'say tell state announce claim add according warn',
  'want demand require insist ask expect seek',
  'relief lift ease remove',
  'abandon discard surrender relinquish renounce halt stop end',
  'refuse reject decline adamant concede concession',
  'likely chance odds probability prospect',
  'deal agreement accord pact',
  'talks negotiation negotiate discussion',
  'war conflict fighting',
  'attack strike bomb hit',
  'threaten warn vow',
  'missile rocket',
  'militia proxy militant',
  'leader president',
  'kill killed dead death',
  'protest demonstration demonstrator protester unrest',
  'monitor verify inspection inspector check',
  'expert analyst specialist',
  'keep continue',
  'collapse withdraw fail cancel scrap',
  'concern worry fear',
  'mediate mediator mediation broker intermediary middleman',
  'hard difficult tough',
  'think believe consider expect',
  'begin start trigger spark',
  'standoff confrontation crisis dispute',
  'focus concentrate',
  'call describe dub label',
  'attend join participate',
  'europe european',
  'britain british UK',
  'sanction penalty',
  'economy economic',
  'weapon arm bomb warhead',
  'inquiry investigation probe review',
  'zone area',
  'mother mum mom',
  'father dad',
  'children kids',
  'employ work',
  'fire blaze',
  'lead head run chair',
  // "Stage three" and "Stage 3", "two days" and "2 days": numbers written either way.
  ...'one two three four five six seven eight nine ten eleven twelve'
    .split(' ')
    .map((word, index) => `${word} ${index + 1}`),
];

interface Country {
  name: { common: string };
  capital?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  unMember: boolean;
}

/**
 * A country, its people's adjective and its capital stand for one another in news writing ("Tehran
 * may offer …", "the Iranian delegation"): one group per UN member state, from the world-countries
 * data set (mledoze/countries, ODbL), so no country is singled out. A name of several words counts
 * only when the tokenizer folds it to one ("United States" → "US"), initials aside ("Washington D.C.").
 */
function readCountryGroups(): string[][] {
  const countries = createRequire(import.meta.url)('world-countries') as Country[];
  return countries
    .filter((country) => country.unMember)
    .map((country) =>
      [country.name.common, country.demonyms?.eng?.m, country.capital?.[0]]
        // "Washington D.C.": initials are no word.
        .map((word) => (word === undefined ? [] : searchStems(word).filter((stem) => stem.length > 1)))
        .filter((stems) => stems.length === 1)
        .flat(),
    );
}

// "Reopen" is opening again, "restart" starting again (WordNet: `repeatVerbs`): "are the schools open
// again?" is answered by "the schools will reopen on Monday".
const repeatGroups = repeatVerbs.map((verb) => [verb, verb.slice(2)].flatMap((word) => searchStems(word)));

const alternativesByStem = new Map<string, string[]>();
const stemGroups = [
  ...groups.map((group) => group.split(' ').flatMap((word) => searchStems(word))),
  ...readCountryGroups(),
  ...repeatGroups,
];
for (const group of stemGroups) {
  const stems = [...new Set(group)];
  for (const stem of stems) {
    const known = alternativesByStem.get(stem) ?? [];
    alternativesByStem.set(stem, [...new Set([...known, ...stems.filter((other) => other !== stem)])]);
  }
}

/**
 * The stems a question's stem may be answered with, besides itself.
 *
 * @param stem a stem from `searchStems`.
 * @returns the other stems of its thesaurus groups; `[]` when it has none.
 */
export function findSynonyms(stem: string): readonly string[] {
  return alternativesByStem.get(stem) ?? [];
}
