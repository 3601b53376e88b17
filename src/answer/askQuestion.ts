import { performance } from 'node:perf_hooks';
import type { CoreContext } from '../context.js';
import { UserInputError } from '../errors.js';
import { addDays } from '../question/calendarDays.js';
import { readQuestion } from '../question/readQuestion.js';
import type { TimeScope } from '../question/timeScope.js';
import { retrievePassages } from '../retrieval/retrievePassages.js';
import { loadPassagesById, type RetrievedPassage } from '../retrieval/searchPassages.js';
import { searchStems } from '../retrieval/terms.js';
import type { Answer } from './answer.js';
import { composeAnswer } from './composeAnswer.js';
import type { ComposedAnswer } from './composeExtractiveAnswer.js';
import { composeTimelineAnswer, recentDays } from './composeTimelineAnswer.js';
import { filterByScope, limitsPublication, publishedBy } from './filterByScope.js';
import { formatDay, toIsoDay } from './frameClaims.js';
import { asksStoryStatus, findStoryArticles } from './storyStatus.js';

/** Longest question accepted, in characters: well above any real question, well below abuse. */
export const maxQuestionLength = 1000;
/**
 * Passages retrieved per question: enough for the best sentence to be among them after republished
 * copies collapse into one, few enough to stay fast.
 */
const retrievedPassages = 12;
/** Passages searched before a time-scoped question keeps those of its window. */
const scopedSearchDepth = 48;

// Zero-width spaces and joiners, word joiners, byte-order marks, soft hyphens, and the direction marks,
// embeddings and isolates of text pasted from the web or typed right to left (Unicode's Bidi_Control
// set): invisible, yet they split a word ("Wh\u200Bere", "Ru\u00ADbio") so that it matches nothing.
const invisibleCharacters = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Terminal escape sequences (ESC "[31m") and other control characters pasted with a question: no words.
// Tabs and line breaks are control characters too; they become the space they stood for.
const controlCharacters = /\p{Cc}\[[0-9;?]*[ -/]*[@-~]|\p{Cc}/gu;
// A link is where the asker read something, not what they ask: "[the report](https://…)" keeps its
// words, a bare "https://…" goes.
const markdownLink = /\[([^\]]*)\]\((?:https?:\/\/|www\.)[^)\s]*\)/gi;
const bareLink = /\b(?:https?:\/\/|www\.)\S+/gi;
const characters = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Segmenting takes time that grows with the square of the text's length (100,000 characters: 2 s and
// gigabytes when spread into an array); past this many code units, characters are code points.
const segmentedLength = 10_000;

/** Characters as a person counts them (graphemes), or code points for a text far over any limit. */
function countCharacters(text: string): number {
  if (text.length > segmentedLength) return Array.from(text).length;
  let count = 0;
  for (const _ of characters.segment(text)) count += 1;
  return count;
}

/**
 * Validates a question as typed by a user.
 *
 * @returns the question trimmed, with invisible characters, control characters (terminal escape
 *   sequences too) and links removed (a markdown link keeps its text), runs of whitespace folded.
 * @throws UserInputError when it is empty, has no letter or digit ("???"), or is longer than 1,000
 *   characters (counted as a person counts them: an emoji is one, though JavaScript stores some as two
 *   or four code units).
 */
export function validateQuestion(question: string): string {
  const trimmed = question
    .replace(invisibleCharacters, '')
    .replace(controlCharacters, ' ')
    .replace(markdownLink, '$1')
    .replace(bareLink, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (trimmed === '') throw new UserInputError('Please ask a question: the text was empty.');
  // "???", "👍": nothing to search for, which "the articles don't say" would misreport.
  if (!/[\p{L}\p{N}]/u.test(trimmed))
    throw new UserInputError('Please ask a question in words: that message has no letters or numbers.');
  const length = countCharacters(trimmed);
  if (length > maxQuestionLength) {
    throw new UserInputError(
      `Please keep questions to at most ${maxQuestionLength.toLocaleString('en-US')} characters (this one has ${length.toLocaleString('en-US')}).`,
    );
  }
  return trimmed;
}

/** How a question is asked, beyond its text. */
export interface AskOptions {
  /** Words carried from earlier turns of a conversation (see `buildStandaloneQuery`). */
  carriedText?: string;
  /** The Discord server asking, for per-server limits; absent on the command line. */
  guildId?: string;
  /** The reference date (YYYY-MM-DD) for "now", "since Tuesday", "last week"; default: today in UTC. */
  today?: string;
  /** For a follow-up, the passages the previous answer cited: its subject, preferred among equals. */
  citedPassageIds?: readonly string[];
}

/**
 * Answers a question from the articles in the database: reads the question (injected instructions
 * removed, its time scope resolved against `options.today`), retrieves passages (BM25, fused with
 * vector search when embeddings are configured) and keeps those published inside the scope's window,
 * then composes a short answer whose every sentence cites its passage (with the language model when
 * configured), or abstains when the articles do not say (saying so, with the earliest day, when every
 * matching article was published after `today`).
 *
 * @returns the answer in the CLI's `--json` shape; timings in milliseconds.
 * @throws UserInputError for an empty or over-long question, a message that holds only instructions,
 *   or a `today` that is not a YYYY-MM-DD date.
 */
export async function askQuestion(
  context: CoreContext,
  question: string,
  options: AskOptions = {},
): Promise<Answer> {
  const text = validateQuestion(question);
  const started = performance.now();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const read = readQuestion(text, today);
  if (read.text === '') {
    throw new UserInputError(
      'I found no question in that message, only instructions. What would you like to know?',
    );
  }
  // "Wasn't it supposed to be on Tuesday? What changed?" asks how a plan changed, not for the news;
  // "what's the latest?" with no subject asks for the news, as "what's new?" does, unless a follow-up
  // takes its subject from the conversation ("and when is it now?").
  const scope: TimeScope =
    read.scope.operator === 'whatsNew' &&
    /\bchanged?\b/i.test(read.scope.phrase ?? '') &&
    !/\b(since|new|news|updates?)\b/i.test(read.scope.phrase ?? '') &&
    read.searchText !== ''
      ? { operator: 'evolution' }
      : read.scope.operator === 'latest' && searchStems(read.searchText).length === 0 && !options.carriedText
        ? { ...read.scope, operator: 'whatsNew' }
        : read.scope;
  if (scope.operator === 'latest' && asksStoryStatus(text) && read.searchText !== '') {
    const status = await answerStoryStatus(
      context,
      { question: text, subject: read.searchText, today },
      started,
    );
    if (status) return status;
  }
  if (scope.operator === 'timeline' || scope.operator === 'whatsNew') {
    const until = scope.to !== undefined && scope.to < today ? scope.to : today;
    return answerWithTimeline(
      context,
      { question: text, subject: read.searchText, scope: { ...scope, to: until }, today },
      started,
    );
  }
  const scoped = limitsPublication(scope);
  // A date that limits the articles has done its work, and "right now" or "yet" are no subject; a date
  // that dates the event asked about is searched for by its month, weekday or year ("the war in June"),
  // never by words no article uses for a day ("ten days ago", "around the 14th").
  const datesEvent = !scoped && (scope.from !== undefined || scope.to !== undefined);
  const searchText = (datesEvent ? read.eventSearchText : read.searchText) || read.text;
  const searched = await retrievePassages(
    context,
    searchText,
    scoped ? scopedSearchDepth : retrievedPassages,
    options.carriedText,
    scoped
      ? { from: scope.from, to: scope.to !== undefined && scope.to < today ? scope.to : today }
      : undefined,
  );
  const { plan } = searched;
  // A follow-up's previous sources stay among the candidates: "who said that?" is about them.
  const retrievedIds = new Set(searched.passages.map((passage) => passage.passageId));
  const previous = loadPassagesById(
    context.database,
    (options.citedPassageIds ?? []).filter((passageId) => !retrievedIds.has(passageId)),
  );
  const passages = filterByScope(publishedBy(searched.passages, today), scope)
    .slice(0, retrievedPassages)
    .concat(filterByScope(publishedBy(previous, today), scope));
  const retrieved = performance.now();
  const notYetPublished = describeNothingPublishedBy(searched.passages, passages, today);
  if (notYetPublished) {
    const finished = performance.now();
    return {
      question: text,
      answer: notYetPublished,
      abstained: true,
      citations: [],
      asOf: null,
      disagreement: false,
      composer: 'extractive',
      retrieval: [],
      timingsMs: {
        retrieve: round(retrieved - started),
        compose: round(finished - retrieved),
        total: round(finished - started),
      },
    };
  }
  const composed = await composeAnswer(context, searchText, plan, passages, {
    guildId: options.guildId,
    scope,
    today,
    ...(options.citedPassageIds && { citedPassageIds: options.citedPassageIds }),
  });
  const finished = performance.now();
  return {
    question: text,
    ...composed,
    asOf: composed.asOf ?? null,
    disagreement: composed.disagreement ?? false,
    retrieval: passages.map(({ passageId, articleId, score }) => ({ passageId, articleId, score })),
    timingsMs: {
      retrieve: round(retrieved - started),
      compose: round(finished - retrieved),
      total: round(finished - started),
    },
  };
}

/**
 * Asked with a reference day before every article that matches ("--today 2026-01-01"), the answer says
 * so, with the day of the earliest such article, rather than only that the articles do not say.
 *
 * @returns the abstention sentence, or null when some matching article was published by `today` or
 *   none matched at all.
 */
function describeNothingPublishedBy(
  retrieved: readonly RetrievedPassage[],
  kept: readonly RetrievedPassage[],
  today: string,
): string | null {
  const days = retrieved.flatMap((passage) => toIsoDay(passage.published) ?? []).sort();
  const earliest = days[0];
  if (kept.length > 0 || earliest === undefined || earliest <= today) return null;
  return `None of the articles I have on this had been published by ${formatDay(today, true)}: the earliest is from ${formatDay(earliest, true)}.`;
}

/** Passages searched to find which articles a timeline's subject ("a timeline of the strike") is about. */
const timelineSubjectDepth = 200;

/**
 * A "what's new" or timeline answer (see `composeTimelineAnswer`): when the question names a subject
 * the articles use, only the stories whose passages mention it are listed.
 */
async function answerWithTimeline(
  context: CoreContext,
  { question, subject, scope, today }: { question: string; subject: string; scope: TimeScope; today: string },
  started: number,
): Promise<Answer> {
  const { plan, passages } =
    subject === ''
      ? { plan: undefined, passages: [] }
      : await retrievePassages(context, subject, timelineSubjectDepth);
  const namesSubject = plan?.concepts.some((concept) => concept.documentFrequency > 0) ?? false;
  const articleIds = namesSubject ? new Set(passages.map((passage) => passage.articleId)) : undefined;
  return toTimelineAnswer(
    question,
    composeTimelineAnswer(context.database, scope, articleIds, today),
    passages,
    started,
  );
}

/**
 * "What's the latest on the Greyfell fire?": the story's newest developments (what's new in the last
 * days of the archive, among the articles that name the whole subject), as a dated list.
 *
 * @returns null when the subject is no story name the articles know, or nothing of it is that recent:
 *   then the question is answered as any other "latest" question.
 */
async function answerStoryStatus(
  context: CoreContext,
  { question, subject, today }: { question: string; subject: string; today: string },
  started: number,
): Promise<Answer | null> {
  const { plan, passages } = await retrievePassages(context, subject, timelineSubjectDepth);
  const story = findStoryArticles(plan, publishedBy(passages, today));
  if (story === null) return null;
  // The story's own newest days (as "what's new?" counts them), whatever else the archive holds.
  const from = addDays(story.newestDay, -recentDays);
  const composed = composeTimelineAnswer(
    context.database,
    { operator: 'whatsNew', from, to: today },
    story.articleIds,
    today,
  );
  return composed.abstained ? null : toTimelineAnswer(question, composed, passages, started);
}

function toTimelineAnswer(
  question: string,
  composed: ComposedAnswer,
  passages: readonly RetrievedPassage[],
  started: number,
): Answer {
  const finished = performance.now();
  return {
    question,
    ...composed,
    asOf: composed.asOf ?? null,
    disagreement: false,
    composer: 'extractive',
    retrieval: passages.slice(0, retrievedPassages).map(({ passageId, articleId, score }) => ({
      passageId,
      articleId,
      score,
    })),
    timingsMs: { retrieve: 0, compose: round(finished - started), total: round(finished - started) },
  };
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 100) / 100;
}
