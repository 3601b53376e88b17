import { resolveEventDates } from '../evidence/resolveEventDates.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';

// Month names in full, as the articles write them ("3 March"), fixed rather than Intl's, which vary with
// the ICU version.
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The ISO date part (YYYY-MM-DD) of a publication date, or null when it has none. */
export function toIsoDay(published: string | null): string | null {
  return published === null ? null : (/^\d{4}-\d{2}-\d{2}/.exec(published)?.[0] ?? null);
}

/**
 * A publication date as people write it in news copy: "13 February", or "13 February 2025" with the
 * year.
 *
 * @param isoDay YYYY-MM-DD.
 */
export function formatDay(isoDay: string, withYear = false): string {
  const [year, month, day] = isoDay.split('-');
  const name = monthNames[Number(month) - 1] ?? month;
  return `${Number(day)} ${name}${withYear ? ` ${year}` : ''}`;
}

// A wire dateline ("PORT HALVARD (Coastal Wire) — ", "LONDON (Reuters) - ") says where the copy was
// filed, not what happened: the claim's outlet and date are given beside the quote instead.
const dateline = /^\p{Lu}[\p{Lu}\s.,'’-]{1,40}(?:\s*\([^)]{1,60}\))?\s*[—–-]{1,2}\s+(?=\S)/u;

/** The sentence without a leading wire dateline; the words of the claim are kept as they are. */
export function stripDateline(sentence: string): string {
  const stripped = sentence.replace(dateline, '');
  return stripped.length >= 20 ? stripped : sentence;
}

/** A passage's outlet and date, and the outlets that republished the same report, if any. */
export type SourcedPassage = Pick<RetrievedPassage, 'source' | 'published' | 'republishes'> & {
  republishedBy?: string[];
};

function describeOutletAndDay({ source, published }: Pick<RetrievedPassage, 'source' | 'published'>): string {
  const day = toIsoDay(published);
  return [source, day ? formatDay(day) : null].filter(Boolean).join(', ');
}

/**
 * Who said a claim and when, for the answer text: "Coastal Wire, 9 October", "Coastal Wire" without a
 * date, "9 October" without an outlet, or "" when the article names neither; a report other outlets ran
 * too says so: "Coastal Wire, 9 October (also run by The Midland Courier)", and so does a copy:
 * "The Midland Courier, 10 October (republished from Coastal Wire, 9 October)".
 */
function describeSource(passage: SourcedPassage): string {
  const source = describeOutletAndDay(passage);
  const copies = passage.republishedBy ?? [];
  if (copies.length > 0) return `${source} (also run by ${copies.join(', ')})`;
  const original = passage.republishes ? describeOutletAndDay(passage.republishes) : '';
  return original ? `${source} (republished from ${original})` : source;
}

/**
 * One cited claim as the answer shows it: its outlet and date, the sentence quoted verbatim in
 * guillemets, and the citation marker —
 * `Coastal Wire, 9 October: «Talks will be held in Port Halvard.» [1]`.
 *
 * @param label what comes before the source, e.g. "Latest" or "Earlier"; none by default.
 */
export function frameClaim(sentence: string, passage: SourcedPassage, n: number, label?: string): string {
  const source = describeSource(passage);
  const lead = [label, source].filter(Boolean).join(' — ');
  return `${lead ? `${lead}: ` : ''}«${stripDateline(sentence)}» [${n}]`;
}

// "On Monday", "next week", "a week ago": words whose day only the article's own date tells.
const relativePhrase =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tomorrow|today|tonight|ago|next|last|this week|weekend)\b/i;
const explicitDate =
  /\b(\d{4}|\d{1,2}(st|nd|rd|th)|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b|\d+[/.]\d+/i;

// "Last week", "by the end of next week": a week, which no single day stands for.
const relativeWeek = /^(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?(?:last|next|this)\s+week$/i;

function explainPhrase({ phrase, date }: { phrase: string; date: string }): string | null {
  if (!relativePhrase.test(phrase) || explicitDate.test(phrase)) return null;
  // A week resolves to its Monday (`resolveEventDates`).
  return `“${phrase}” = ${relativeWeek.test(phrase) ? 'the week of ' : ''}${formatDay(date)}`;
}

/**
 * The days a sentence's relative dates stand for, resolved against its article's publish date
 * (`resolveEventDates`): ` (“next Monday” = 13 October)`, ` (“last week” = the week of 26 January)`.
 * Dates the sentence spells out are left alone.
 *
 * @returns "" when the sentence has no relative date or its article no date.
 */
export function explainRelativeDates(sentence: string, passage: Pick<RetrievedPassage, 'published'>): string {
  const day = toIsoDay(passage.published);
  if (day === null) return '';
  const explained = resolveEventDates(sentence, day).flatMap((date) => explainPhrase(date) ?? []);
  return explained.length > 0 ? ` (${[...new Set(explained)].join(', ')})` : '';
}

/**
 * The line that says how current an answer is: "As of 21 October 2025 (the newest article used)."
 *
 * @returns "" when no cited article has a date.
 */
export function describeAsOf(asOf: string | null): string {
  return asOf ? `As of ${formatDay(asOf, true)} (the newest article used).` : '';
}

/** The newest publication day (YYYY-MM-DD) among the passages, or null when none is dated. */
export function findNewestDay(passages: readonly Pick<RetrievedPassage, 'published'>[]): string | null {
  let newest: string | null = null;
  for (const passage of passages) {
    const day = toIsoDay(passage.published);
    if (day !== null && (newest === null || day > newest)) newest = day;
  }
  return newest;
}
