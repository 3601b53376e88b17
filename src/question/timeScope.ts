import { isPastVerbForm } from '../retrieval/terms.js';
import { addDays } from './calendarDays.js';
import { type DateExpression, findDateExpressions } from './findDateExpressions.js';

/** How a question restricts or orders the evidence in time. */
export type TimeOperator =
  | 'none'
  | 'latest'
  | 'asOf'
  | 'since'
  | 'before'
  | 'after'
  | 'between'
  | 'timeline'
  | 'whatsNew'
  | 'evolution'
  | 'outcome';

/** Dates are ISO YYYY-MM-DD, inclusive; absent means open. */
export interface TimeScope {
  operator: TimeOperator;
  from?: string;
  to?: string;
  /** The words that said it, as typed. */
  phrase?: string;
}

/** A question's time scope, and where its time words are (offsets, end exclusive) so they can be cut. */
export interface TimeScopeReading {
  scope: TimeScope;
  /** Time phrases and operator filler, which say when rather than what. */
  timeSpans: [start: number, end: number][];
}

interface Cue {
  operator: TimeOperator;
  pattern: RegExp;
  /** Filler that says when, not what ("right now", "what's new"): left out of the search text. */
  filler: boolean;
}

// Operators that frame the answer, in order of precedence; a date found with them bounds them.
const framingCues: Cue[] = [
  { operator: 'whatsNew', filler: true, pattern: /\b(?:what['’]?s|what\s+is|anything|something)\s+new\b/gi },
  { operator: 'whatsNew', filler: true, pattern: /\bany\s+(?:news|updates?|developments?)\b/gi },
  { operator: 'whatsNew', filler: true, pattern: /\banything\s+(?:happen(?:ed)?|changed?)(?=\s+since\b)/gi },
  { operator: 'whatsNew', filler: true, pattern: /\b(?:latest|recent|new)\s+(?:updates?|developments?)\b/gi },
  // "Catch me up", "fill me in", "bring me up to speed", "update me": a request for what is new.
  {
    operator: 'whatsNew',
    filler: true,
    pattern:
      /\b(?:catch|fill)\s+(?:me|us)\s+(?:up|in)\b|\b(?:bring|get)\s+(?:me|us)\s+up\s+to\s+speed\b|\bupdate\s+(?:me|us)\b/gi,
  },
  {
    operator: 'whatsNew',
    filler: true,
    pattern:
      /\bwhat(?:['’]?s|\s+has|\s+have)?\s+(?:happened|changed)(?=(?:\s+[^\s?.!]+){0,6}?\s+(?:since|recently|lately|this|last|yesterday|over\s+the|in\s+the\s+(?:past|last))\b)|\bwhat(?:['’]?s|\s+has|\s+have)?\s+changed(?=\s*[?.!]|\s*$)/gi,
  },
  {
    operator: 'timeline',
    filler: true,
    pattern:
      /\b(?:(?:can|could)\s+(?:you|u)\s+)?(?:(?:give|show|tell|walk)\s+(?:me|us)\s+)?(?:(?:a|the)\s+)?(?:time\s?line|chronology|run\s?down|recap|sequence\s+of\s+events)(?:\s+of(?:\s+events)?)?/gi,
  },
  { operator: 'timeline', filler: true, pattern: /\b(?:day[\s-]by[\s-]day|chronological(?:ly)?)\b/gi },
  { operator: 'timeline', filler: true, pattern: /\bwhat\s+(?:has\s+|have\s+)?happened\s+so\s+far\b/gi },
  { operator: 'timeline', filler: true, pattern: /\bwalk\s+(?:me|us)\s+through\b/gi },
  {
    operator: 'timeline',
    filler: false,
    pattern:
      /\bhow\s+(?:did|has|have)\s+(?:it|this|things|events|the\s+story)\s+(?:unfold|unfolded|develop|developed|play(?:ed)?\s+out)\b/gi,
  },
  {
    operator: 'evolution',
    filler: false,
    pattern:
      /\bhow\s+(?:has|have|did|is|are)\b[^?.!]{1,60}?\b(?:chang(?:ed?|ing)|evolv(?:ed?|ing)|shift(?:ed)?|develop(?:ed)?)\b/gi,
  },
  {
    operator: 'evolution',
    filler: false,
    pattern:
      /\b(?:has|have|did|is|are)\b[^?.!]{1,60}?\b(?:(?:come|gone|go|went|coming|going)\s+(?:down|up)|fallen|fell|risen|rose|dropped|increased|decreased|grown|grew|shrunk|narrowed|widened|eased|improved|worsened)\b/gi,
  },
  {
    operator: 'evolution',
    filler: false,
    pattern: /\bwhat\s+(?:has\s+|have\s+)?changed\s+(?:about|in|with|for)\b/gi,
  },
  { operator: 'evolution', filler: false, pattern: /\bover\s+time\b/gi },
  {
    operator: 'outcome',
    filler: false,
    pattern:
      /\bwhat\s+(?:was|were|has\s+been|had\s+been|got|is)\s+(?:agreed|decided|concluded|settled|resolved|signed|the\s+(?:result|outcome|verdict|decision))\b/gi,
  },
  {
    operator: 'outcome',
    filler: false,
    pattern: /\bwhat\s+did\s+(?:\S+\s+){1,8}?(?:agree|decide|conclude|settle|sign|vote|rule)\b/gi,
  },
  { operator: 'outcome', filler: false, pattern: /\b(?:result|results|outcome|verdict|upshot)\s+of\b/gi },
  {
    operator: 'outcome',
    filler: false,
    pattern:
      /\bdid\s+(?:\S+\s+){1,3}?(?:accept|reject|approve|ratify|sign|agree|pass|win|lose|vote|endorse)\b/gi,
  },
  {
    operator: 'outcome',
    filler: false,
    pattern:
      /\bhow\s+did\s+(?:\S+\s+){1,3}?(?:end|turn\s+out|conclude|go|get\s+on|fare|rule|decide|vote)\b/gi,
  },
  {
    operator: 'outcome',
    filler: false,
    pattern: /\b(?:who|which\s+\S+)\s+won\b|\bwhat\s+came\s+(?:out\s+)?of\b/gi,
  },
];

const latestCues: Cue[] = [
  {
    operator: 'latest',
    filler: true,
    pattern:
      /\b(?:right\s+now|now|currently|at\s+the\s+moment|at\s+present|presently|as\s+things\s+stand|as\s+it\s+stands|so\s+far|to\s+date|(?:the\s+)?latest|most\s+recent(?:ly)?|current|these\s+days|nowadays|still)\b/gi,
  },
  // "Yet" asks about now only at the end of a clause or after a negation, not as "yet they refused".
  {
    // "Where do things stand with …?", "what's the status of …?": the current state, not a place.
    operator: 'latest',
    filler: true,
    pattern:
      /\bwhere\s+(?:do|does|did)\s+(?:things|it|matters|we|they)\s+stand(?:\s+(?:with|on))?|\bwhere\s+are\s+(?:we|things)\s+(?:at\s+)?with\b|\bwhat(?:['’]?s|\s+is)\s+the\s+(?:status|state\s+of\s+play)(?:\s+(?:of|on|with))?/gi,
  },
  {
    // "Where does the port strike stand?": the same, its subject between the two halves, which go.
    operator: 'latest',
    filler: true,
    pattern:
      /\bwhere\s+(?:do|does)\b(?=(?:\s+[\p{L}'’-]+){1,4}\s+stand\b)|(?<=\bwhere\s+(?:do|does)(?:\s+[\p{L}'’-]+){1,4}\s+)stand\b/giu,
  },
  // "What happened to that plan?", "what became of the offer?": what it came to, as things stand.
  {
    operator: 'latest',
    filler: true,
    pattern: /\bwhat(?:['’]?s|\s+has)?\s+(?:happened|become)\s+(?:to|of)\b|\bwhat\s+became\s+of\b/gi,
  },
  { operator: 'latest', filler: true, pattern: /\b(?:not\s+)?yet\b(?=\s*[?.!,]|\s*$)|\byet\s+to\b/gi },
  // "How many now, and how many at the start?", "now compared with the first figure": the latest with
  // the earliest version beside it, which the latest answer shows as "Earlier".
  {
    operator: 'latest',
    filler: true,
    pattern:
      /\b(?:at|from)\s+the\s+(?:very\s+)?(?:start|beginning|outset)\b|\b(?:compared\s+(?:with|to)\s+)?the\s+(?:first|original|initial|earliest)\s+(?:figures?|estimates?|counts?|numbers?|totals?)(?:\s+(?:they|it|he|she|we)\s+gave)?/gi,
  },
  // "Where is the next round?": the next one as things stand; "next" stays a search word.
  { operator: 'latest', filler: false, pattern: /\b(?:is|are|will|when|where)\b[^?.!]{0,30}?\bnext\b/gi },
];

const thatPoint: Cue = {
  operator: 'asOf',
  filler: true,
  pattern: /\b(?:at\s+that\s+(?:point|time|stage|moment)|at\s+the\s+time|back\s+then)\b/gi,
};

const quotation = /["“][^"“”]{1,300}["”]/g;
// "Will fares rise in July?", "when is the vote going to be held on Thursday?": a question about what is
// to come reads its year-less dates and weekdays ahead of today.
const asksAhead =
  /\b(?:will|won['’]?t|shall|going\s+to|gonna|(?:is|are)\s+(?:due|expected|set|scheduled|planned)\s+to)\b/i;
// "Where was the hearing going to be?" looks ahead from the past: its dates are past.
const asksFromPast = /\b(?:was|were|did|had)\b/i;

// The preposition before a date says how it bounds the evidence.
const preposition =
  /\b(as\s+of|as\s+at|by|on|at|since|after|from|before|until|till|up\s+to|through|between|during|in|prior\s+to|ahead\s+of|and|to|around|about|roughly|circa|approximately)\s*$/i;
const eventVerb =
  /\b(?:happen(?:s|ed)?|occur(?:s|red)?|took\s+place|take\s+place|say|said|announc(?:e|ed)|did)\b/i;

// "How many people slept there on the 16th?": a verb in the simple past dates an event, where "was",
// "were" or "had" before a participle ("was contained on the 15th") asks for a state.
const auxiliaryBefore = /\b(?:was|were|is|are|be|been|being|has|have|had|did|do|does)\s+$/i;

function reportsPastEvent(text: string): boolean {
  const lower = text.toLowerCase();
  return [...lower.matchAll(/[a-z]{3,}/g)].some(
    (match) =>
      isPastVerbForm(match[0]) &&
      !auxiliaryBefore.test(lower.slice(Math.max(0, match.index - 8), match.index)),
  );
}

interface DatedPhrase {
  operator: TimeOperator;
  start: number;
  end: number;
  from?: string;
  to?: string;
}

function readDatedPhrase(text: string, dates: DateExpression[], index: number): DatedPhrase | null {
  const date = dates[index];
  if (date === undefined) return null;
  const match = preposition.exec(text.slice(Math.max(0, date.start - 12), date.start));
  const word = (match?.[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const prepositionStart = match === null ? date.start : date.start - match[0].length;
  // "Back on March 6", "back in June": "back" only looks to the past, and is no word to search.
  const start = prepositionStart - (/\bback\s+$/i.exec(text.slice(0, prepositionStart))?.[0].length ?? 0);
  const next = dates[index + 1];
  if ((word === 'between' || word === 'from') && next !== undefined) {
    const gap = text.slice(date.end, next.start);
    if (/^\s*(?:and|to|until|till|through|-|–)\s*$/i.test(gap))
      return { operator: 'between', start, end: next.end, from: date.from, to: next.to };
  }
  const { from, to, end } = date;
  if (['as of', 'as at', 'by', 'at', 'until', 'till', 'up to', 'through'].includes(word))
    return { operator: 'asOf', start, end, to };
  if (word === 'on')
    return eventVerb.test(text) || reportsPastEvent(text)
      ? { operator: 'between', start, end, from, to }
      : { operator: 'asOf', start, end, to };
  if (word === 'since' || word === 'from') return { operator: 'since', start, end, from };
  if (word === 'after') return { operator: 'after', start, end, from: addDays(to, 1) };
  if (['before', 'prior to', 'ahead of'].includes(word))
    return { operator: 'before', start, end, to: addDays(from, -1) };
  if (date.reachesToday) return { operator: 'since', start, end, from };
  return { operator: 'between', start, end, from, to };
}

function findCues(text: string, cues: Cue[]): { cue: Cue; start: number; end: number }[] {
  return cues.flatMap((cue) =>
    [...text.matchAll(cue.pattern)].map((match) => ({
      cue,
      start: match.index,
      end: match.index + match[0].length,
    })),
  );
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Reads a question's time operator and dates. Precedence: what's new, timeline, evolution and outcome
 * frame the answer (bounded by any date the question gives, "what changed since oct 10" → from
 * 2025-10-10); otherwise a dated phrase decides ("as of" / "by" / "on" the state → asOf, "since",
 * "after", "before", "between … and …", "in feb" / "yesterday" → between, "last week" → since);
 * otherwise "at that point" → asOf without a date; otherwise "now", "still", "so far", "latest" …
 * → latest; else none. Dates are resolved by `findDateExpressions`. Words inside quotation marks
 * are not read: they are what someone said, not when the question is about.
 *
 * @param text the question, injected instructions already removed; any string, never throws.
 * @param today the reference day, ISO `YYYY-MM-DD`.
 */
export function readTimeScope(text: string, today: string): TimeScopeReading {
  // Words inside quotation marks are someone else's ("who said 'nobody has an excuse now'?").
  const quotations = [...text.matchAll(quotation)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const unquoted = (span: { start: number; end: number }) =>
    !quotations.some((quoted) => overlaps(quoted, span));
  const ahead = asksAhead.test(text) && !asksFromPast.test(text);
  const dates = findDateExpressions(text, today, ahead ? 'future' : 'past').filter(unquoted);
  const dated: DatedPhrase[] = [];
  for (let index = 0; index < dates.length; index += 1) {
    const phrase = readDatedPhrase(text, dates, index);
    if (phrase === null) continue;
    dated.push(phrase);
    if (phrase.operator === 'between' && phrase.end > (dates[index]?.end ?? 0)) index += 1;
  }
  const cues = [...findCues(text, framingCues), ...findCues(text, [thatPoint]), ...findCues(text, latestCues)]
    .filter(unquoted)
    .filter(
      (cue, index, all) =>
        !dated.some((phrase) => overlaps(phrase, cue)) &&
        !all.slice(0, index).some((earlier) => earlier.cue.filler && overlaps(earlier, cue)),
    );
  const timeSpans: [number, number][] = [
    ...dated.map((phrase): [number, number] => [phrase.start, phrase.end]),
    ...cues.filter((cue) => cue.cue.filler).map((cue): [number, number] => [cue.start, cue.end]),
  ];
  const date = dated[0];
  const framing = cues.find((cue) => framingCues.includes(cue.cue));
  const principal = framing ?? date ?? cues[0];
  if (principal === undefined) return { scope: { operator: 'none' }, timeSpans };
  const operator = 'cue' in principal ? principal.cue.operator : principal.operator;
  const scope: TimeScope = { operator };
  if (date?.from !== undefined) scope.from = date.from;
  if (date?.to !== undefined) scope.to = date.to;
  // The phrase runs from the operator's words to the date's when only spaces or commas part them.
  const ends = [principal, ...(date !== undefined && framing !== undefined ? [date] : [])].sort(
    (a, b) => a.start - b.start,
  );
  const first = ends[0] ?? principal;
  const last = ends[ends.length - 1] ?? principal;
  const joined = /^[\s,]*$/.test(text.slice(first.end, last.start));
  scope.phrase = joined ? text.slice(first.start, last.end) : text.slice(principal.start, principal.end);
  return { scope, timeSpans };
}
