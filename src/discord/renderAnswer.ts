import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Citation } from '../answer/answer.js';
import { discordLimits } from './discordLimits.js';
import { escapeForDiscord, formatMaskedLink } from './escapeForDiscord.js';
import { formatDate } from './formatDate.js';
import { packEmbeds, type ReplyPage } from './packEmbeds.js';
import { takeChunk, truncateText } from './splitText.js';

const answerColour = 0x2b6cb0;
const abstentionColour = 0x718096;
const outletLength = 100;
/** Below this a section's text is not shrunk further: its sources then continue in their own embeds. */
const smallestSection = 200;

function renderCitationField(citation: Citation): APIEmbedField {
  const title = escapeForDiscord(citation.title.replace(/\s+/g, ' ').trim());
  const outlet = citation.source
    ? truncateText(escapeForDiscord(citation.source), outletLength)
    : 'Unknown outlet';
  const link = formatMaskedLink('Read the article', citation.url);
  return {
    name: truncateText(`[${citation.n}] ${title}`, discordLimits.fieldName),
    value: [outlet, formatDate(citation.published), ...(link ? [link] : [])].join(' · '),
  };
}

function measureFields(fields: APIEmbedField[]): number {
  return fields.reduce((total, field) => total + field.name.length + field.value.length, 0);
}

/** The citation numbers a piece of answer text uses, in order of first use. */
function citedNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])))];
}

/**
 * Takes the longest leading section of `text` whose embed (its description plus a field for each
 * source it cites) fits Discord's limits, so every marker shares an embed with its source.
 */
function takeSection(text: string, reserved: number, fields: Map<number, APIEmbedField>) {
  let budget: number = discordLimits.embedDescription;
  for (;;) {
    const [description, rest] = takeChunk(text, budget);
    const sources = citedNumbers(description).flatMap((n) => fields.get(n) ?? []);
    const size = reserved + description.length + measureFields(sources);
    const fits =
      sources.length <= discordLimits.fieldsPerEmbed && size <= discordLimits.embedCharactersPerMessage;
    if (fits || budget <= smallestSection) return { description, sources, rest };
    budget = Math.floor(budget / 2);
  }
}

/** One section as embeds: text and as many sources as fit, then the other sources in their own embeds. */
function buildSectionEmbeds(base: APIEmbed, sources: APIEmbedField[]): APIEmbed[] {
  const embeds: APIEmbed[] = [{ ...base, fields: [] }];
  let size = (base.title?.length ?? 0) + (base.description?.length ?? 0);
  for (const field of sources) {
    let current = embeds.at(-1) as APIEmbed & { fields: APIEmbedField[] };
    const length = field.name.length + field.value.length;
    if (
      current.fields.length === discordLimits.fieldsPerEmbed ||
      size + length > discordLimits.embedCharactersPerMessage
    ) {
      current = { color: base.color, fields: [] };
      embeds.push(current);
      size = 0;
    }
    current.fields.push(field);
    size += length;
  }
  return embeds;
}

/**
 * Renders an answer as Discord messages: embeds whose description holds the answer text with its
 * `[n]` markers, and one field per cited source (title, outlet, date, link) in the same
 * embed as the text that cites it. Long answers become several embeds and, past 10 embeds or 6000
 * characters (`discordLimits`), several messages; breaks fall between paragraphs or sentences, never
 * between a marker and its sentence. The question becomes the first embed's title; article and
 * question text is escaped with `escapeForDiscord`. A notice (a fallback, the daily limit) follows the
 * answer text in italics.
 *
 * @returns at least one page; the first goes in the reply, the others in follow-ups.
 */
export function renderAnswer(answer: Answer): ReplyPage[] {
  const title = truncateText(
    escapeForDiscord(answer.question.replace(/\s+/g, ' ').trim()),
    discordLimits.embedTitle,
  );
  const color = answer.abstained ? abstentionColour : answerColour;
  const fields = new Map(answer.citations.map((citation) => [citation.n, renderCitationField(citation)]));
  const embeds: APIEmbed[] = [];
  const notice = answer.notice ? `\n\n*${escapeForDiscord(answer.notice)}*` : '';
  let rest = (escapeForDiscord(answer.answer.trim()) || 'No answer.') + notice;
  while (rest) {
    const heading = embeds.length === 0 && title ? { title } : {};
    const section = takeSection(rest, heading.title?.length ?? 0, fields);
    embeds.push(
      ...buildSectionEmbeds({ ...heading, color, description: section.description }, section.sources),
    );
    rest = section.rest;
  }
  return packEmbeds(embeds);
}
