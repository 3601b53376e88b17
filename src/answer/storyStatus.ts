import { isConversationalWord } from '../question/conversationalWords.js';
import type { QueryPlan } from '../retrieval/planQuery.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';
import { toIsoDay } from './frameClaims.js';

// "What's the latest on the Greyfell fire?", "where do things stand with the recall?", "what's going on
// with Sallow Cross?": the state of a whole story, not one fact of it.
const statusRequest =
  /\b(?:the\s+)?latest\s+(?:on|with|about|w|re|regarding|in)\b|\bwhere\s+(?:do|does)\s+(?:things|(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)\s+stand\b|\b(?:status|state\s+of\s+play)\s+(?:of|on|with)\b|\bwhat['’]?s\s+(?:happening|going\s+on)\s+(?:with|at|in)\b/iu;
/** A story's name is short ("the Halbeck bridge", "the Tensivar recall"); more words ask about something in it. */
const maxSubjectWords = 3;

/**
 * Whether a question asks for the state of a story as a whole ("what's the latest on the Greyfell
 * fire?"), which the newest developments answer better than any one sentence.
 */
export function asksStoryStatus(question: string): boolean {
  return statusRequest.test(question);
}

/** Most of a story's articles carry its name in their headline or first paragraph. */
const leadShare = 0.5;

/**
 * The articles a story-status question's subject names: those whose retrieved passages hold every word
 * of the subject (or a synonym), when it is a story's name, carried by the headline or first paragraph
 * of at least half of them ("the Greyfell fire"), not a thing within the story ("the employers' offer
 * to the union"). Null otherwise, or when a word of it is one no article uses ("the Russia–Ukraine
 * ceasefire"), so the question is answered, or refused, as any other.
 *
 * @param plan the subject's query plan; `passages` its retrieved passages.
 * @returns the article ids and the newest one's publication day (YYYY-MM-DD), or null.
 */
export function findStoryArticles(
  plan: QueryPlan,
  passages: readonly RetrievedPassage[],
): { articleIds: Set<string>; newestDay: string } | null {
  const subject = plan.concepts.filter((concept) => !concept.carried && !isConversationalWord(concept.word));
  if (subject.length === 0 || subject.length > maxSubjectWords) return null;
  if (subject.some((concept) => concept.documentFrequency === 0 && concept.synonyms.length === 0))
    return null;
  const holdsSubject = (stems: ReadonlySet<string>): boolean =>
    subject.every(
      (concept) => stems.has(concept.stem) || concept.synonyms.some((synonym) => stems.has(synonym)),
    );
  const whole = new Map<string, Set<string>>();
  const lead = new Map<string, Set<string>>();
  for (const passage of passages) {
    addStems(whole, passage.articleId, `${passage.title} ${passage.text}`);
    addStems(
      lead,
      passage.articleId,
      passage.ordinal === 0 ? `${passage.title} ${passage.text}` : passage.title,
    );
  }
  const articleIds = new Set([...whole].filter(([, stems]) => holdsSubject(stems)).map(([id]) => id));
  const named = [...articleIds].filter((id) => holdsSubject(lead.get(id) ?? new Set()));
  if (named.length < leadShare * articleIds.size) return null;
  const newestDay = passages
    .filter((passage) => articleIds.has(passage.articleId))
    .flatMap((passage) => toIsoDay(passage.published) ?? [])
    .sort()
    .at(-1);
  return newestDay === undefined ? null : { articleIds, newestDay };
}

function addStems(byArticle: Map<string, Set<string>>, articleId: string, text: string): void {
  const stems = byArticle.get(articleId) ?? new Set<string>();
  for (const stem of searchStems(text)) stems.add(stem);
  byArticle.set(articleId, stems);
}
