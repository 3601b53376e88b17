import { searchStems } from '../retrieval/terms.js';

// "Arent", "didnt": chat drops the apostrophe, and the negation stays. "No-go", "no-fly": a compound
// adjective, no negation.
const negation =
  /\b(?:not|no(?![-‐])|never|neither|nor|without|cannot|nobody|nothing|none|nowhere|isnt|arent|wasnt|werent|dont|doesnt|didnt|cant|wont|wouldnt|shouldnt|couldnt|hasnt|havent|hadnt)\b|n['’]t\b/gi;
/** A negation reaches this many words ahead: "did not meet", "have never directly met". */
const negationReach = 4;

/**
 * Whether the sentence has a negation: "not", "no", "never", "neither", "nor", "without", "cannot",
 * "n't", a negative pronoun ("nobody", "nothing", "none", "nowhere"), or a contraction typed without
 * its apostrophe ("arent", "didnt").
 */
export function isNegated(sentence: string): boolean {
  return sentence.search(negation) !== -1;
}

/**
 * The search stems a negation in the sentence bears on: those of the few words after each "not",
 * "no", "never", "without", "cannot" or "n't" ("did not meet directly" → meet, directli).
 *
 * @param sentence any string; never throws.
 */
export function readNegatedStems(sentence: string): Set<string> {
  const stems = new Set<string>();
  for (const match of sentence.matchAll(negation)) {
    const following = sentence.slice(match.index + match[0].length).split(/\s+/, negationReach + 1);
    for (const stem of searchStems(following.join(' '))) stems.add(stem);
  }
  return stems;
}
