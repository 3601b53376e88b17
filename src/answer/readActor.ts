import type { QueryPlan } from '../retrieval/planQuery.js';
import { searchStems, splitIntoTerms } from '../retrieval/terms.js';

/** The names a "what has X done?" question makes the doer, and the act asked about, as stems. */
export interface ActorAndAct {
  actor: Set<string>;
  act: Set<string>;
}

// "What has Iran threatened to do …?", "what did Rusk offer?": after the auxiliary come the doer's
// names, then the act.
const speechStems = searchStems('say tell write');
const possessiveName = /^\W*(?:the\s+)?(?:\p{L}+\s+){0,2}\p{L}+['’]s?\s/iu;
// "What enrichment level has Iran proposed?": a few words of what is asked may come between.
const actorQuestion =
  /^\W*(?:(?:so|and|but|ok|okay)\s+)?what\s+(?:[\p{L}-]+\s+){0,3}?(?:has|have|had|did|does|do|will|would)\s+(.+)$/iu;

/**
 * Reads who acts and what they do from "what [thing] has/did X <verb> …?": X is the run of names (proper
 * concepts of the plan, with their synonyms) right after the auxiliary, the act the next content word
 * (with its synonyms). Null when the question is not of that form, names no doer ("what did the
 * mayor decide?": the doer is no name), or asks what someone said (`"…," said Sabet` puts the verb
 * first).
 */
export function readActor(question: string, plan: QueryPlan): ActorAndAct | null {
  const rest = actorQuestion.exec(question)?.[1];
  // "What do Iran's neighbours want?": the doer is the neighbours, no name.
  if (rest === undefined || possessiveName.test(rest)) return null;
  // Keyed by the stem as typed too: a corrected typo ("threatend") has the stem of the word meant.
  const concepts = new Map(
    plan.concepts.flatMap((concept) => [
      [concept.stem, concept] as const,
      [searchStems(concept.word)[0] ?? concept.stem, concept] as const,
    ]),
  );
  const actor = new Set<string>();
  for (const term of splitIntoTerms(rest)) {
    if (term.stem === '') continue;
    const concept = concepts.get(term.stem);
    if (concept === undefined) return null;
    if (concept.proper) {
      for (const stem of [concept.stem, ...concept.synonyms]) actor.add(stem);
      continue;
    }
    const act = new Set([concept.stem, ...concept.synonyms]);
    // "…," said Farzan Sabet: a speech verb often comes before its speaker.
    if (speechStems.some((stem) => act.has(stem))) return null;
    return actor.size > 0 ? { actor, act } : null;
  }
  return null;
}

/**
 * Whether a sentence has someone else do the act to the question's doer ("Trump has threatened to
 * strike Iran" for "what has Iran threatened?"): another name comes before the act, and the doer only
 * after it, or the doer is named before the act only as an owner ("Some of Iran’s neighbours have
 * proposed …"). Then it tells what was done to them, or by others, not what they did. A sentence
 * whose doer is a pronoun ("it would expect Washington to lift sanctions on Iran") is left alone.
 */
export function namesActorOnlyAfterAct(sentence: string, { actor, act }: ActorAndAct): boolean {
  if (namesActorOnlyAsOwner(sentence, { actor, act })) return true;
  const terms = splitIntoTerms(sentence).filter((term) => term.stem !== '');
  const actAt = terms.findIndex((term) => act.has(term.stem));
  if (actAt < 0) return false;
  const actorAt = terms.findIndex((term) => actor.has(term.stem));
  // A sentence's first word is never marked a name ("Trump has vowed …"): capitalised and no
  // function word, it is taken for one here.
  const firstWord = /^\W*(\p{Lu}[\p{L}'’-]*)/u.exec(sentence)?.[1];
  const opensWithName = firstWord !== undefined && terms[0]?.word === firstWord.toLowerCase();
  const otherDoer = terms
    .slice(0, actAt)
    .some((term, index) => (term.proper || (index === 0 && opensWithName)) && !actor.has(term.stem));
  return otherDoer && actorAt > actAt;
}

const word = /[\p{L}\p{N}-]+(?:['’]s?)?/gu;

/**
 * "Some of Iran’s neighbours have proposed …" for "what has Iran proposed?": before the act the doer
 * is named only as an owner (a run of its names ending in a possessive: "Rail Voice's members"), so
 * the one acting is someone of theirs.
 */
function namesActorOnlyAsOwner(sentence: string, { actor, act }: ActorAndAct): boolean {
  const words = [...sentence.matchAll(word)].map(([text]) => ({
    stem: searchStems(text)[0] ?? '',
    owner: /['’]s?$/.test(text),
  }));
  const actAt = words.findIndex(({ stem }) => act.has(stem));
  let owned = false;
  for (let at = 0; at < actAt; at += 1) {
    if (!actor.has(words[at]?.stem ?? '')) continue;
    let end = at;
    while (end + 1 < actAt && actor.has(words[end + 1]?.stem ?? '')) end += 1;
    if (!words[end]?.owner) return false;
    owned = true;
    at = end;
  }
  return owned;
}
