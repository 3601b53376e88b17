import { searchStems } from '../retrieval/terms.js';

/** A place a sentence names: the preposition that introduces it and the stems of its name. */
export interface Place {
  /** "in" names a town, region or country; "at" a venue. */
  preposition: 'in' | 'at';
  name: string;
  stems: Set<string>;
}

// Capitalised words that name a time, not a place: "in October", "on Friday", "at Christmas".
const timeWords =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Spring|Summer|Autumn|Winter';
const namePart = String.raw`(?!(?:${timeWords})\b)\p{Lu}[\p{L}'’.-]*`;
// "in Port Halvard", "at the Ministry of Labour's headquarters": a run of capitalised words after
// "in" or "at", joined by "of", "on", "the", "de", and an optional lower-case head noun.
const placePattern = new RegExp(
  String.raw`\b(in|at)\s+((?:the\s+)?${namePart}(?:\s+(?:(?:of|on|de|the|du|del|la)\s+)*${namePart})*(?:\s+(?:headquarters|hall|building|hotel|palace|centre|center|office))?)`,
  'gu',
);

/**
 * The places a sentence names after "in" or "at": "in Geneva", "at the Seafarers' Hall on Anchor
 * Street". Months, weekdays and seasons are left out ("in October", "at Christmas"). Capitalisation is
 * the only cue, so a sentence in capitals throughout names nothing it can tell apart.
 *
 * @param sentence any string; never throws.
 */
export function readPlaces(sentence: string): Place[] {
  const places: Place[] = [];
  for (const match of sentence.matchAll(placePattern)) {
    const [, preposition, name = ''] = match;
    places.push({ preposition: preposition === 'at' ? 'at' : 'in', name, stems: new Set(searchStems(name)) });
  }
  return places;
}

/**
 * Whether two sentences' places can both be true: some name shares a word with one of the other's
 * ("the Ministry of Labour in Brennick" and "the ministry's headquarters"), or the two never name a
 * place at the same level (a town against a venue is not a contradiction).
 */
export function doPlacesAgree(a: readonly Place[], b: readonly Place[]): boolean {
  const shareWord = a.some((x) => b.some((y) => [...x.stems].some((stem) => y.stems.has(stem))));
  const sameLevel = a.some((x) => b.some((y) => x.preposition === y.preposition));
  return shareWord || !sameLevel;
}
