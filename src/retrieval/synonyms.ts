import { searchStems } from './terms.js';

/**
 * A small news thesaurus: words that questions and articles use for one another ("originally" asks
 * what the article says "initially"; "which newspaper" asks for the outlet an article "appeared in").
 * Each group is a set of interchangeable words; a question's word matches any word of its group, at a
 * lower weight than the word itself. Kept to general news English: no story-specific facts.
 */
const groups = [
  'originally initially first original initial earlier',
  'planned scheduled supposed expected intended due',
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
  'monitor verify inspection inspector',
  'collapse withdraw fail cancel scrap',
  'concern worry fear',
  'mediate mediator mediation broker intermediary',
  'hard difficult tough',
  'think believe consider expect',
  'begin start trigger spark',
  'standoff confrontation crisis dispute',
  'focus concentrate',
  'call describe dub label',
  'attend join participate',
  // A capital stands for its government in news writing ("Tehran may offer …").
  'iran iranian tehran',
  'israel israeli jerusalem',
  'US american america washington',
  'oman omani',
  'turkey turkish',
  'egypt egyptian',
  'qatar qatari',
  'saudi',
  'russia russian moscow',
  'china chinese beijing',
  'europe european',
  'britain british UK',
  'sanction penalty',
  'economy economic',
  'weapon arm bomb warhead',
];

const alternativesByStem = new Map<string, string[]>();
for (const group of groups) {
  const stems = [...new Set(group.split(' ').flatMap((word) => searchStems(word)))];
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
