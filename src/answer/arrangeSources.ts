import { groupNearDuplicates } from '../evidence/groupNearDuplicates.js';
import type { RetrievedPassage } from '../retrieval/searchPassages.js';
import { toIsoDay } from './frameClaims.js';

/** One retrieved passage as the language model sees it: numbered on the story's timeline. */
export interface ArrangedSource {
  /** The source's number in the prompt, from 1. */
  n: number;
  passage: RetrievedPassage;
  /** The publication day (YYYY-MM-DD), or null when the article is undated. */
  day: string | null;
  /** The republication group: sources sharing it are one report run by several outlets. */
  group: number;
  /** The number of the earliest copy when this passage is another outlet's copy of it. */
  republishes?: number;
}

/**
 * Puts retrieved passages on the story's timeline: oldest first by publication day (ties keep the
 * retrieval order; undated passages come last), numbered from 1, each near-copy of another article's
 * passage (`groupNearDuplicates`) marked with the number of the earliest copy it republishes.
 *
 * @returns one source per passage, in prompt order.
 */
export function arrangeSources(passages: readonly RetrievedPassage[]): ArrangedSource[] {
  const ordered = passages
    .map((passage, rank) => ({ passage, rank, day: toIsoDay(passage.published) }))
    .sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || a.rank - b.rank);
  const groups = groupNearDuplicates(ordered, (item) => item.passage.text);
  const groupOf = new Map(groups.flatMap((group, index) => group.map((item) => [item, index] as const)));
  return ordered.map((item, index) => {
    const group = groupOf.get(item) ?? index;
    const original = groups[group]?.[0];
    const copies =
      original !== undefined && original !== item && original.passage.articleId !== item.passage.articleId;
    return {
      n: index + 1,
      passage: item.passage,
      day: item.day,
      group,
      ...(copies ? { republishes: ordered.indexOf(original) + 1 } : {}),
    };
  });
}
